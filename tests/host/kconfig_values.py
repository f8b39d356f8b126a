#!/usr/bin/python3
"""Kconfig.safetymonitor as kconfiglib (the parser nf-interpreter's
NF_Kconfig.cmake runs) reads it, under a stand-in root that declares what the
file depends on (TARGET_BOARD, RTOS_CHIBIOS, as nf-interpreter main's root
Kconfig and Kconfig.rtos declare them). Prints one line per option:
    <name> <cost|nocost> <value for the board>
and exits 1 on any kconfiglib warning, or when the menu is not visible.
    kconfig_values.py <Kconfig.safetymonitor> <board>
"""
import os
import sys
import tempfile

import kconfiglib


def main():
    path, board = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        root = os.path.join(work, "Kconfig")
        with open(root, "w") as f:
            f.write('mainmenu "stand-in of nf-interpreter\'s root Kconfig"\n'
                    'config TARGET_BOARD\n    string "Target board name"\n'
                    'choice\n    prompt "RTOS"\nconfig RTOS_CHIBIOS\n    bool "ChibiOS"\n'
                    'config RTOS_FREERTOS\n    bool "FreeRTOS"\nendchoice\n'
                    f'osource "{path}"\n')
        kconf = kconfiglib.Kconfig(root, warn_to_stderr=False)
        kconf.syms["TARGET_BOARD"].set_value(board)
        kconf.syms["RTOS_CHIBIOS"].set_value(2)
        options = [s for s in kconf.unique_defined_syms if s.name.startswith("SAFETYMONITOR_")]
        problems = list(kconf.warnings)
        if not options:
            problems.append(f"{path}: no SAFETYMONITOR_ option")
        for sym in options:
            if not sym.visibility:
                problems.append(f"{sym.name}: not visible for {board} on ChibiOS")
            helps = [node.help or "" for node in sym.nodes]
            cost = "cost" if any("\nCost: " in "\n" + h for h in helps) else "nocost"
            print(sym.name, cost, sym.str_value)
        if problems:
            for problem in problems:
                print("kconfiglib:", problem, file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
