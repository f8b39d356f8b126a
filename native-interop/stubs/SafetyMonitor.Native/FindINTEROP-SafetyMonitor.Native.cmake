#
# SafetyMonitor.Native: nanoFramework interop module for nf-interpreter.
#
# The metadata processor's interop layout (what Visual Studio generates for a
# library that is not a core library): the stub sources in its order (the
# assembly's .cpp, then per class its _mshl.cpp and .cpp), followed by the C
# core, then the port of the target being built. The checksum guard
# (tests/managed/SafetyMonitor.Conformance.Tests) fails unless the stub sources
# listed are exactly the .cpp files of this folder; the cross and host builds
# compile exactly the sources listed here (tests/host/check_module_port.sh
# runs this file to see which port it picks).
#
# Goes into nf-interpreter's CMake/Modules folder; the native sources go into
# InteropAssemblies/SafetyMonitor.Native (this folder's files, plus the core
# and the ports of SafetyMonitor's native-interop folder, in core/,
# drivers/soft/, drivers/stm32/, ports/chibios/, ports/posix/ and ports/common/):
# native-interop/stubs/install-into-nf-interpreter.sh does both. The port:
#   chibios  nf-interpreter's ChibiOS targets (RTOS "ChibiOS", from the CMake
#            preset or, in trees that configure through Kconfig, from
#            CONFIG_RTOS): the running ChibiOS thread, nanoFramework's CRC
#            and RNG drivers, the IWDG (ChibiOS's WDG driver where the target
#            enables HAL_USE_WDG, else its registers). nf-interpreter loads this module for every name
#            in the cache variable NF_INTEROP_ASSEMBLIES (add
#            "SafetyMonitor.Native").
#   posix    nf-interpreter's POSIX nanoCLR (targets/posix, a CMake project of
#            its own, project(nanoFramework_nanoCLR_posix), which ignores
#            NF_INTEROP_ASSEMBLIES): the calling pthread's stack, getrandom()
#            and the software CRC, a software stand-in for the watchdog,
#            plus the start-up hook
#            safetymonitor_posix_clr_start(). The installer's `posix` step
#            includes this module from targets/posix/nanoCLR/CMakeLists.txt
#            and adds the assembly to the target's own interop table.
# SAFETYMONITOR_NATIVE_PORT (chibios or posix), when set, overrides the
# choice. See SafetyMonitor's docs/nanoframework-integration.md, "Adding the monitor to a nanoCLR
# build".
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
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/ports/common)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/drivers/soft)
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/drivers/stm32)

# source files
set(SafetyMonitor.Native_SRCS
    SafetyMonitor_Native.cpp
    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck_mshl.cpp
    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.cpp
    SafetyMonitor_Native_SafetyMonitor_Native_Watchdog_mshl.cpp
    SafetyMonitor_Native_SafetyMonitor_Native_Watchdog.cpp
    core/stack_check.c
    core/stack_size.c
    core/fault_record.c
    core/stack_high_water.c
    drivers/soft/crc32_stm32_soft.c
)

# the port: which nf-interpreter target is being built
if(NOT SAFETYMONITOR_NATIVE_PORT)
    if(RTOS STREQUAL "ChibiOS")
        set(SAFETYMONITOR_NATIVE_PORT chibios)
    elseif(PROJECT_NAME STREQUAL "nanoFramework_nanoCLR_posix")
        set(SAFETYMONITOR_NATIVE_PORT posix)
    endif()
endif()
if(SAFETYMONITOR_NATIVE_PORT STREQUAL "chibios")
    list(APPEND SafetyMonitor.Native_SRCS
        ports/chibios/stack_check_port_chibios.c
        ports/chibios/stack_check_watchdog_chibios.c
        ports/chibios/stm32_iwdg_chibios.c
    )
elseif(SAFETYMONITOR_NATIVE_PORT STREQUAL "posix")
    list(APPEND SafetyMonitor.Native_SRCS
        ports/posix/posix_stack.c
        ports/posix/posix_entropy.c
        ports/posix/posix_periph.c
        ports/posix/posix_nanoclr_start.c
        ports/posix/posix_watchdog.c
        ports/posix/posix_reset_flags.c
    )
else()
    # (a leading space: CMake prints the message as one line)
    message(FATAL_ERROR " SafetyMonitor.Native: no port for this target (RTOS \"${RTOS}\", project ${PROJECT_NAME}): "
                        "it has ports for nf-interpreter's ChibiOS targets and its POSIX nanoCLR (targets/posix); "
                        "set SAFETYMONITOR_NATIVE_PORT to chibios or posix to choose")
endif()
message(STATUS "SafetyMonitor.Native: ${SAFETYMONITOR_NATIVE_PORT} port")
list(APPEND SafetyMonitor.Native_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/ports/${SAFETYMONITOR_NATIVE_PORT})

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
                            "copy the sources as SafetyMonitor's docs/nanoframework-integration.md says")
    endif()
    list(APPEND SafetyMonitor.Native_SOURCES ${SafetyMonitor.Native_SRC_FILE})

endforeach()

include(FindPackageHandleStandardArgs)

FIND_PACKAGE_HANDLE_STANDARD_ARGS(SafetyMonitor.Native DEFAULT_MSG SafetyMonitor.Native_INCLUDE_DIRS SafetyMonitor.Native_SOURCES)
