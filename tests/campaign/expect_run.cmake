# Runs a test program and checks both its exit status and its output, so that
# neither a crash after a good marker line nor a marker-less exit 0 passes.
#
#   cmake -DPROGRAM=<executable> [-DARGS=<arg;arg;...>]
#         -DEXPECT_EXIT=<code> -DEXPECT_MARKER=<regex> -P expect_run.cmake
#
# (CTest's PASS_REGULAR_EXPRESSION alone would ignore the exit status.)
cmake_minimum_required(VERSION 3.25)
foreach(required PROGRAM EXPECT_EXIT EXPECT_MARKER)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "expect_run.cmake: -D${required}=... is required")
    endif()
endforeach()

execute_process(
    COMMAND ${PROGRAM} ${ARGS}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors
    ECHO_OUTPUT_VARIABLE
    ECHO_ERROR_VARIABLE)

if(NOT status MATCHES "^[0-9]+$")
    message(FATAL_ERROR "FAIL: ${PROGRAM} did not finish normally: ${status}")
endif()
if(NOT status EQUAL EXPECT_EXIT)
    message(FATAL_ERROR "FAIL: exit status ${status}, expected ${EXPECT_EXIT}")
endif()
if(NOT output MATCHES "${EXPECT_MARKER}")
    message(FATAL_ERROR "FAIL: no output matches \"${EXPECT_MARKER}\"")
endif()
