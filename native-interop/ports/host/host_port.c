/**
 * @file host_port.c
 * @brief The `host` port's simulated stack region and area.
 */
#include "host_port.h"

#include "stack_check_port.h"
#include "stm32_periph_model.h"

#define HOST_PORT_STACK_BYTES 4096u

stack_check_stack_t host_port_stack;
stack_check_area_t host_port_area;
uintptr_t host_port_red_zone;
uintptr_t host_port_live_sp;

static uint32_t area_buffer[HOST_PORT_AREA_CAPACITY_WORDS];
static uint32_t stack_region[HOST_PORT_STACK_BYTES / sizeof(uint32_t)];

void host_port_reset(uint32_t model_seed)
{
    const uintptr_t base = (uintptr_t)stack_region;
    host_port_set_stack(base, base + HOST_PORT_STACK_BYTES, base + HOST_PORT_STACK_BYTES);
    host_port_set_area(area_buffer, HOST_PORT_DEFAULT_AREA_BYTES / sizeof(uint32_t));
    host_port_red_zone = 0u;
    host_port_live_sp = 0u;
    stm32_periph_model_reset(model_seed);
}

void host_port_set_stack(uintptr_t base, uintptr_t end, uintptr_t sp)
{
    host_port_stack.base = base;
    host_port_stack.end = end;
    host_port_stack.sp = sp;
}

void host_port_set_red_zone(uintptr_t bytes)
{
    host_port_red_zone = bytes;
}

void host_port_set_live_sp(uintptr_t sp)
{
    host_port_live_sp = sp;
}

void host_port_set_area(uint32_t *start, size_t words)
{
    host_port_area.start = start;
    host_port_area.words = words;
}

uint32_t *host_port_area_buffer(void)
{
    return area_buffer;
}
