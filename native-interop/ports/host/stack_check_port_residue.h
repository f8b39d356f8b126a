/**
 * @file stack_check_port_residue.h
 * @brief Residue half of the `host` port (stack_check_port.h): the shared
 *        register-level one, ports/common/stack_check_port_stm32_residue.h.
 */
#include "stack_check_port_stm32_residue.h"
