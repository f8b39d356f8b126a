#
# SafetyMonitor.Native: nanoFramework interop module for nf-interpreter.
#
# The metadata processor's interop layout (what Visual Studio generates for a
# library that is not a core library): the stub sources in its order (the
# assembly's .cpp, then per class its _mshl.cpp and .cpp), followed by the C
# core and the ChibiOS port it calls. The checksum guard
# (tests/managed/SafetyMonitor.Conformance.Tests) fails unless the stub sources
# listed are exactly the .cpp files of this folder; the cross builds compile
# exactly the sources listed here.
#
# Goes into nf-interpreter's CMake/Modules folder; the native sources go into
# InteropAssemblies/SafetyMonitor.Native (this folder's files, plus the core
# and the chibios port of SafetyMonitor's native-interop folder, in core/,
# drivers/soft/, ports/chibios/ and ports/common/). nf-interpreter loads it for every name in the CMake cache
# variable NF_INTEROP_ASSEMBLIES (add "SafetyMonitor.Native"). See the
# SafetyMonitor README, "Adding the monitor to a nanoCLR build".
#

# native code directory
set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/SafetyMonitor.Native)

# set include directories
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/core)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/ports/chibios)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/ports/common)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/drivers/soft)

# source files
set(SafetyMonitor.Native_SRCS
    SafetyMonitor_Native.cpp
    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck_mshl.cpp
    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.cpp
    core/stack_check.c
    core/fault_record.c
    core/stack_high_water.c
    drivers/soft/crc32_stm32_soft.c
    ports/chibios/stack_check_port_chibios.c
)

foreach(SRC_FILE ${SafetyMonitor.Native_SRCS})

    set(SafetyMonitor.Native_SRC_FILE SRC_FILE-NOTFOUND)
    find_file(SafetyMonitor.Native_SRC_FILE ${SRC_FILE}
        PATHS
            "${BASE_PATH_FOR_THIS_MODULE}"
            "${TARGET_BASE_LOCATION}"

        CMAKE_FIND_ROOT_PATH_BOTH
    )
    if(NOT SafetyMonitor.Native_SRC_FILE)
        message(FATAL_ERROR "SafetyMonitor.Native: ${SRC_FILE} is not in ${BASE_PATH_FOR_THIS_MODULE}; "
                            "copy the sources as the SafetyMonitor README says")
    endif()
    list(APPEND SafetyMonitor.Native_SOURCES ${SafetyMonitor.Native_SRC_FILE})

endforeach()

include(FindPackageHandleStandardArgs)

FIND_PACKAGE_HANDLE_STANDARD_ARGS(SafetyMonitor.Native DEFAULT_MSG SafetyMonitor.Native_INCLUDE_DIRS SafetyMonitor.Native_SOURCES)
