# Warnings of every C target of the project: -Wall -Wextra -Werror as the
# issue asks, plus what nanoFramework's interop build adds (-Wundef -Wshadow)
# and the conversions that matter in register code.
set(SAFETYMON_C_WARNINGS
    -Wall -Wextra -Werror
    -Wundef -Wshadow
    -Wconversion -Wsign-conversion
    -Wstrict-prototypes -Wmissing-prototypes
    -Wcast-qual -Wpointer-arith -Wwrite-strings)

function(safetymon_strict target)
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:C>:${SAFETYMON_C_WARNINGS}>)
endfunction()
