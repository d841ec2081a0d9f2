# Installs leibniz into a temporary prefix, then builds and runs a consumer
# project twice: with find_package(leibniz CONFIG) against the installed copy,
# and with add_subdirectory of the source tree. Also checks the pkg-config file.
# cmake -DSOURCE=<leibniz source> -DWORK=<scratch dir> -DCXX=<compiler> -P check.cmake
foreach(var SOURCE WORK CXX)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check.cmake needs -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed (${result}): ${ARGV}\n${out}")
  endif()
endfunction()

set(prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/build -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_INSTALL_PREFIX=${prefix}
    -DLEIBNIZ_BUILD_TESTS=OFF -DLEIBNIZ_BUILD_EXAMPLES=OFF)
run(${CMAKE_COMMAND} --install ${WORK}/build)

foreach(file include/leibniz/leibniz.hpp lib/cmake/leibniz/leibnizConfig.cmake lib/cmake/leibniz/leibnizConfigVersion.cmake
        share/pkgconfig/leibniz.pc)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
file(READ ${prefix}/share/pkgconfig/leibniz.pc pc)
if(NOT pc MATCHES "Version: 0\\.1\\.0" OR NOT pc MATCHES "Cflags: -I")
  message(FATAL_ERROR "leibniz.pc lacks its version or flags:\n${pc}")
endif()

# find_package against the installed copy.
run(${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/consumer -B ${WORK}/installed -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${WORK}/installed)
run(${WORK}/installed/consumer)

# add_subdirectory of the source tree.
run(${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/consumer -B ${WORK}/subdirectory -DCMAKE_CXX_COMPILER=${CXX}
    -DLEIBNIZ_SOURCE_DIR=${SOURCE})
run(${CMAKE_COMMAND} --build ${WORK}/subdirectory)
run(${WORK}/subdirectory/consumer)
message(STATUS "installed package and add_subdirectory both work")
