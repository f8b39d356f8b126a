cmake_minimum_required(VERSION 3.25)
# The cross-compiled nanoCLR objects define what nf-interpreter links against:
# the native assembly data, the twelve handlers (_mshl.cpp), the native functions
# they call (the class's .cpp) and the C core those call.
#   cmake -DNM=<arm-none-eabi-nm> -DOBJECTS=<obj;obj...> -P check_interop_symbols.cmake
set(required
    "g_CLR_AssemblyNative_SafetyMonitor_Native"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFree___STATIC__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetSize___STATIC__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::InitCorruptionDetectArea___STATIC__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::CheckCorruptionDetectArea___STATIC__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFaultStatus___STATIC__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFaultWord___STATIC__U4__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::SetCycle___STATIC__VOID__U4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetMinFree___STATIC__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::AcknowledgeFault___STATIC__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::Start___STATIC__I4__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::Refresh___STATIC__I4(CLR_RT_StackFrame&)"
    "Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::GetResetFlags___STATIC__U4(CLR_RT_StackFrame&)"
    "SafetyMonitor_Native::SafetyMonitor_Native::Watchdog::Start(int,"
    "SafetyMonitor_Native::SafetyMonitor_Native::Watchdog::Refresh("
    "SafetyMonitor_Native::SafetyMonitor_Native::Watchdog::GetResetFlags("
    "stack_check_watchdog_start"
    "stack_check_watchdog_refresh"
    "stm32_iwdg_start"
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::GetFree("
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::GetSize("
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::InitCorruptionDetectArea("
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::CheckCorruptionDetectArea("
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::GetFaultStatus("
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::GetFaultWord(int,"
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::SetCycle(unsigned int,"
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::GetMinFree("
    "SafetyMonitor_Native::SafetyMonitor_Native::StackCheck::AcknowledgeFault("
    "stack_check_init_corruption_detect_area"
    "stack_check_last_fault_word"
    "stack_check_retained_fault"
    "stack_check_port_crc")
execute_process(COMMAND ${NM} -C --defined-only ${OBJECTS} OUTPUT_VARIABLE symbols RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "FAIL: ${NM} exited with ${status}")
endif()
foreach(symbol IN LISTS required)
    string(FIND "${symbols}" "${symbol}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "FAIL: no object defines ${symbol}")
    endif()
endforeach()
message(STATUS "PASS: the nanoCLR objects define the native assembly data, the handlers, the native functions and the core")
