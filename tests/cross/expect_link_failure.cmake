# Builds a target that must fail to link and checks the linker said why:
#   cmake -DBUILD_DIR=<dir> -DTARGET=<target> -DEXPECT=<regex> -P expect_link_failure.cmake
cmake_minimum_required(VERSION 3.25)
execute_process(
    COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(status EQUAL 0)
    message(FATAL_ERROR "FAIL: ${TARGET} linked, but its layout is wrong and must be refused")
endif()
if(NOT output MATCHES "${EXPECT}")
    message(FATAL_ERROR "FAIL: ${TARGET} failed without the expected message \"${EXPECT}\":\n${output}")
endif()
string(REGEX MATCH "[^\n]*${EXPECT}[^\n]*" line "${output}")
message(STATUS "PASS: refused as expected: ${line}")
