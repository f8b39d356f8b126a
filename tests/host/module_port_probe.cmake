# Runs the installed FindINTEROP-SafetyMonitor.Native.cmake as nf-interpreter
# would, with the variables of one kind of target, and prints the port
# sources it chose, one line: "ports: <source>;<source>...".
#   cmake -DTREE=<installed tree> [-DRTOS=ChibiOS] [-DPROJECT_NAME=...] -P module_port_probe.cmake
set(PROJECT_SOURCE_DIR ${TREE})
include(${TREE}/CMake/Modules/FindINTEROP-SafetyMonitor.Native.cmake)
set(ports "")
foreach(source IN LISTS SafetyMonitor.Native_SOURCES)
    if(source MATCHES "/ports/")
        string(REGEX REPLACE ".*/(ports/.*)" "\\1" source "${source}")
        list(APPEND ports ${source})
    endif()
endforeach()
message("ports: ${ports}")
