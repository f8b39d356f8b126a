/**
 * @file semihosting.c
 * @brief ARM semihosting output and exit, with a small formatter whose stack
 *        use stays low enough to report from a nearly full stack.
 */
#include "semihosting.h"

#include <stdbool.h>
#include <stddef.h>

#define SYS_WRITE0 0x04
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static char line[160];
static size_t line_used;

static int sh_call(int operation, const void *argument)
{
    register int r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ __volatile__("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void sh_flush(void)
{
    if (line_used > 0u) {
        line[line_used] = '\0';
        (void)sh_call(SYS_WRITE0, line);
        line_used = 0u;
    }
}

static void put_char(char c)
{
    if (line_used == sizeof line - 1u) {
        sh_flush();
    }
    line[line_used++] = c;
    if (c == '\n') {
        sh_flush();
    }
}

static void put_padded(const char *text, size_t length, unsigned width, bool left, char pad)
{
    size_t fill = width > length ? width - length : 0u;
    if (!left) {
        for (; fill > 0u; fill--) {
            put_char(pad);
        }
    }
    for (size_t i = 0u; i < length; i++) {
        put_char(text[i]);
    }
    for (; fill > 0u; fill--) {
        put_char(' ');
    }
}

static void put_number(uint32_t value, unsigned base, bool upper, bool negative, unsigned width,
                       bool left, char pad)
{
    static const char lower_digits[] = "0123456789abcdef";
    static const char upper_digits[] = "0123456789ABCDEF";
    const char *digits = upper ? upper_digits : lower_digits;
    char text[12];
    size_t at = sizeof text;
    do {
        text[--at] = digits[value % base];
        value /= base;
    } while (value != 0u);
    if (negative) {
        if (pad == '0' && width > 0u) {
            put_char('-');
            width--;
        } else {
            text[--at] = '-';
        }
    }
    put_padded(&text[at], sizeof text - at, width, left, pad);
}

void sh_vprintf(const char *format, va_list args)
{
    for (const char *p = format; *p != '\0'; p++) {
        if (*p != '%') {
            put_char(*p);
            continue;
        }
        p++;
        bool left = false;
        char pad = ' ';
        for (; *p == '-' || *p == '0'; p++) {
            if (*p == '-') {
                left = true;
            } else {
                pad = '0';
            }
        }
        unsigned width = 0u;
        for (; *p >= '0' && *p <= '9'; p++) {
            width = width * 10u + (unsigned)(*p - '0');
        }
        while (*p == 'l') {
            p++; /* int and long are both 32 bits here */
        }
        switch (*p) {
        case 'd':
        case 'i': {
            const int value = va_arg(args, int);
            const uint32_t magnitude = value < 0 ? 0u - (uint32_t)value : (uint32_t)value;
            put_number(magnitude, 10u, false, value < 0, width, left, pad);
            break;
        }
        case 'u':
            put_number(va_arg(args, unsigned), 10u, false, false, width, left, pad);
            break;
        case 'x':
        case 'X':
            put_number(va_arg(args, unsigned), 16u, *p == 'X', false, width, left, pad);
            break;
        case 'p':
            put_char('0');
            put_char('x');
            put_number((uint32_t)(uintptr_t)va_arg(args, void *), 16u, false, false, 8u, false, '0');
            break;
        case 's': {
            const char *text = va_arg(args, const char *);
            size_t length = 0u;
            while (text[length] != '\0') {
                length++;
            }
            put_padded(text, length, width, left, ' ');
            break;
        }
        case 'c':
            put_char((char)va_arg(args, int));
            break;
        case '%':
            put_char('%');
            break;
        case '\0':
            return;
        default:
            put_char('%');
            put_char(*p);
            break;
        }
    }
}

void sh_printf(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    sh_vprintf(format, args);
    va_end(args);
}

void sh_exit(int code)
{
    sh_flush();
    const uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)code};
    (void)sh_call(SYS_EXIT_EXTENDED, block);
    for (;;) {
        /* Not reached under QEMU: SYS_EXIT_EXTENDED ends the emulator. */
    }
}
