# The sources nf-interpreter compiles for SafetyMonitor.Native: the list
# SafetyMonitor.Native_SRCS of native-interop/stubs/SafetyMonitor.Native/
# FindINTEROP-SafetyMonitor.Native.cmake, read from the module itself so that
# the host and cross builds compile what a nanoCLR build compiles.
#
#   safetymon_interop_module_sources(<out-var> [STUBS_ONLY] [PORT chibios|posix])
#
# A bare file name is a stub in the module's folder; a path (core/..., ports/...)
# is relative to native-interop/, where the installer takes it from. STUBS_ONLY
# keeps the stubs (the host tests link the posix core instead); PORT adds the
# sources the module lists for that port (its
# if(SAFETYMONITOR_NATIVE_PORT STREQUAL "<port>") list(APPEND ...) block).
# A listed file that does not exist stops the configuration.
set(SAFETYMON_INTEROP_MODULE_DIR ${CMAKE_CURRENT_LIST_DIR}/../native-interop/stubs/SafetyMonitor.Native)

function(safetymon_interop_module_sources out)
    cmake_parse_arguments(PARSE_ARGV 1 arg "STUBS_ONLY" "PORT" "")
    get_filename_component(stubs ${SAFETYMON_INTEROP_MODULE_DIR} ABSOLUTE)
    get_filename_component(interop ${stubs}/../.. ABSOLUTE)
    set(module ${stubs}/FindINTEROP-SafetyMonitor.Native.cmake)
    file(READ ${module} text)
    string(REGEX MATCH "set\\(SafetyMonitor\\.Native_SRCS([^)]*)\\)" _ "${text}")
    if(NOT CMAKE_MATCH_1)
        message(FATAL_ERROR "${module}: no set(SafetyMonitor.Native_SRCS ...)")
    endif()
    set(listed "${CMAKE_MATCH_1}")
    if(arg_PORT)
        string(REGEX MATCH "STREQUAL \"${arg_PORT}\"\\)[ \t\r\n]+list\\(APPEND SafetyMonitor\\.Native_SRCS([^)]*)\\)" _ "${text}")
        if(NOT CMAKE_MATCH_1)
            message(FATAL_ERROR "${module}: no list(APPEND SafetyMonitor.Native_SRCS ...) for the ${arg_PORT} port")
        endif()
        string(APPEND listed " ${CMAKE_MATCH_1}")
    endif()
    string(REGEX REPLACE "[ \t\r\n]+" ";" entries "${listed}")
    set(sources "")
    foreach(entry IN LISTS entries)
        if(entry STREQUAL "")
            continue()
        endif()
        if(entry MATCHES "/")
            if(arg_STUBS_ONLY)
                continue()
            endif()
            set(path ${interop}/${entry})
        else()
            set(path ${stubs}/${entry})
        endif()
        if(NOT EXISTS ${path})
            message(FATAL_ERROR "${module} lists ${entry}, which is not at ${path}")
        endif()
        list(APPEND sources ${path})
    endforeach()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${module})
    set(${out} ${sources} PARENT_SCOPE)
endfunction()
