// The unit the shared precompiled header of the tests is built with (test/CMakeLists.txt).
