# Installs leibniz into a temporary prefix, then builds and runs consumer
# projects: the core one with find_package(leibniz CONFIG) against the
# installed copy where Boost and Eigen cannot be found (the core requires
# nothing), and with add_subdirectory of the source tree; the interop one
# (leibniz::eigen, leibniz::hana) both ways where Eigen and Boost are found.
# Also checks the pkg-config files, and builds with their flags where
# pkg-config exists.
# cmake -DSOURCE=<leibniz source> -DWORK=<scratch dir> -DCXX=<compiler> [-DINTEROP=ON] -P check.cmake
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

set(installed include/leibniz/leibniz.hpp lib/cmake/leibniz/leibnizConfig.cmake
    lib/cmake/leibniz/leibnizConfigVersion.cmake lib/cmake/leibniz/leibnizTargets.cmake share/pkgconfig/leibniz.pc)
if(INTEROP)
  list(APPEND installed include/leibniz/interop/eigen.hpp include/leibniz/interop/hana.hpp
       lib/cmake/leibniz/leibniz_eigenTargets.cmake lib/cmake/leibniz/leibniz_hanaTargets.cmake
       share/pkgconfig/leibniz-eigen.pc share/pkgconfig/leibniz-hana.pc)
endif()
foreach(file IN LISTS installed)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()

# The core package names no dependency, in CMake or in pkg-config.
file(READ ${prefix}/share/pkgconfig/leibniz.pc pc)
if(NOT pc MATCHES "Version: 0\\.1\\.0" OR NOT pc MATCHES "Cflags: -I" OR pc MATCHES "Requires")
  message(FATAL_ERROR "leibniz.pc lacks its version or flags, or requires something:\n${pc}")
endif()
file(READ ${prefix}/lib/cmake/leibniz/leibnizTargets.cmake targets)
if(targets MATCHES "Boost|Eigen")
  message(FATAL_ERROR "the core target names a dependency:\n${targets}")
endif()

# find_package against the installed copy, where neither Boost nor Eigen can be found.
run(${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/consumer -B ${WORK}/installed -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON -DCMAKE_DISABLE_FIND_PACKAGE_Eigen3=ON)
run(${CMAKE_COMMAND} --build ${WORK}/installed)
run(${WORK}/installed/consumer)

# add_subdirectory of the source tree, again without Boost and Eigen.
run(${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/consumer -B ${WORK}/subdirectory -DCMAKE_CXX_COMPILER=${CXX}
    -DLEIBNIZ_SOURCE_DIR=${SOURCE} -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON -DCMAKE_DISABLE_FIND_PACKAGE_Eigen3=ON)
run(${CMAKE_COMMAND} --build ${WORK}/subdirectory)
run(${WORK}/subdirectory/consumer)

find_program(PKG_CONFIG NAMES pkg-config pkgconf)
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} ${prefix}/share/pkgconfig)
  execute_process(COMMAND ${PKG_CONFIG} --cflags leibniz OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "pkg-config --cflags leibniz failed")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${CXX} ${flags} ${CMAKE_CURRENT_LIST_DIR}/consumer/main.cpp -o ${WORK}/pkg_consumer)
  run(${WORK}/pkg_consumer)
endif()

if(INTEROP)
  run(${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/interop_consumer -B ${WORK}/interop_installed
      -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${prefix})
  run(${CMAKE_COMMAND} --build ${WORK}/interop_installed)
  run(${WORK}/interop_installed/interop_consumer)
  run(${CMAKE_COMMAND} -S ${CMAKE_CURRENT_LIST_DIR}/interop_consumer -B ${WORK}/interop_subdirectory
      -DCMAKE_CXX_COMPILER=${CXX} -DLEIBNIZ_SOURCE_DIR=${SOURCE})
  run(${CMAKE_COMMAND} --build ${WORK}/interop_subdirectory)
  run(${WORK}/interop_subdirectory/interop_consumer)
  if(PKG_CONFIG)
    execute_process(COMMAND ${PKG_CONFIG} --cflags leibniz-eigen leibniz-hana OUTPUT_VARIABLE flags
      OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE result)
    if(NOT result EQUAL 0 OR NOT flags MATCHES "eigen3")
      message(FATAL_ERROR "pkg-config --cflags leibniz-eigen leibniz-hana: ${flags}")
    endif()
    separate_arguments(flags UNIX_COMMAND "${flags}")
    run(${CXX} ${flags} ${CMAKE_CURRENT_LIST_DIR}/interop_consumer/main.cpp -o ${WORK}/pkg_interop_consumer)
    run(${WORK}/pkg_interop_consumer)
  endif()
endif()
message(STATUS "installed package, add_subdirectory and pkg-config work")
