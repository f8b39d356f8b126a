# TEST ONLY: nf-interpreter's interop module for SafetyMonitor.TestNative
# (tests/device-overflow). Copy this file to the tree's CMake/Modules and
# SafetyMonitor_TestNative.* to InteropAssemblies/SafetyMonitor.TestNative,
# then configure a TEST nanoCLR with
#   -DNF_INTEROP_ASSEMBLIES="SafetyMonitor.Native SafetyMonitor.TestNative"
# The checksum comes from the metadata processor's output for the managed
# assembly (SAFETYMONITOR_TESTNATIVE_CHECKSUM, a cache variable).
set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/SafetyMonitor.TestNative)
list(APPEND SafetyMonitor.TestNative_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND SafetyMonitor.TestNative_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND SafetyMonitor.TestNative_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND SafetyMonitor.TestNative_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND SafetyMonitor.TestNative_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
if(NOT SAFETYMONITOR_TESTNATIVE_CHECKSUM)
    message(FATAL_ERROR " SafetyMonitor.TestNative: set SAFETYMONITOR_TESTNATIVE_CHECKSUM to the native checksum the metadata processor printed for SafetyMonitor.TestNative.pe")
endif()
set(SafetyMonitor.TestNative_SOURCES ${BASE_PATH_FOR_THIS_MODULE}/SafetyMonitor_TestNative.cpp)
set_source_files_properties(${SafetyMonitor.TestNative_SOURCES} PROPERTIES
    COMPILE_DEFINITIONS "SAFETYMONITOR_TESTNATIVE_CHECKSUM=${SAFETYMONITOR_TESTNATIVE_CHECKSUM}")
include(FindPackageHandleStandardArgs)
FIND_PACKAGE_HANDLE_STANDARD_ARGS(SafetyMonitor.TestNative DEFAULT_MSG SafetyMonitor.TestNative_INCLUDE_DIRS SafetyMonitor.TestNative_SOURCES)
