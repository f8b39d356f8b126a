#include "stm32_fixture.h"

void Stm32ModelTest::SetUp()
{
    host_port_reset(0x1234567u);
    start_pll();
    forget_seal();
}

void Stm32ModelTest::start_pll()
{
    const uint32_t cr = BOARD_RCC_BASE + RCC_CR_OFFSET;
    stm32_mmio_write32(BOARD_RCC_BASE + RCC_PLLCFGR_OFFSET, RCC_PLLCFGR_PLLSRC_HSE);
    stm32_mmio_write32(cr, stm32_mmio_read32(cr) | RCC_CR_HSEON | RCC_CR_PLLON);
    ASSERT_NE(stm32_mmio_read32(cr) & RCC_CR_PLLRDY, 0u);
}

void Stm32ModelTest::forget_seal()
{
    const stack_check_area_t saved = host_port_area;
    host_port_set_area(nullptr, 0);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_LAYOUT);
    host_port_set_area(saved.start, saved.words);
}
