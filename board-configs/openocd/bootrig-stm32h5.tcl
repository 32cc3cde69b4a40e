# (OpenOCD's Jim Tcl: no min() in expr, no backslash-newline folding inside braces, no `binary`.)
# bootrig: register-level STM32H5 operations for stock OpenOCD 0.12.0, which has no stm32h5x flash
# driver. Sourced after target/stm32h5.cfg; every proc works on the current target (the Cortex-M33 on AP1)
# and either returns data or raises an error whose message names the operation and the flash flags.
# Register facts: RM0481 (FLASH at 0x40022000 non-secure, 0x50022000 secure).

proc bootrig_r32 {addr} { return [lindex [read_memory $addr 32 1] 0] }
proc bootrig_r16 {addr} { return [lindex [read_memory $addr 16 1] 0] }
proc bootrig_w32 {addr value} { write_memory $addr 32 [list $value] }

# KEYR SR CR CCR of the non-secure or the secure register bank
proc bootrig_regs {secure} {
    if {$secure} { return {0x50022008 0x50022024 0x5002202C 0x50022034} }
    return {0x40022004 0x40022020 0x40022028 0x40022030}
}

proc bootrig_error_names {bits} {
    set names {}
    foreach {bit name} {17 WRPERR 18 PGSERR 19 STRBERR 20 INCERR 21 OBKERR 22 OBKWERR 23 OPTCHANGEERR} {
        if {$bits & (1 << $bit)} { lappend names $name }
    }
    return [join $names ","]
}

# Waits until BSY, WBNE and DBNE are clear.
proc bootrig_wait_idle {sr timeout_ms what} {
    set start [clock milliseconds]
    while {1} {
        set v [bootrig_r32 $sr]
        if {($v & 0xB) == 0} { return $v }
        if {[clock milliseconds] - $start > $timeout_ms} {
            error [format "%s: flash still busy after %d ms (SR=0x%08x)" $what $timeout_ms $v]
        }
    }
}

# Raises the controller's error flags by name (and clears them).
proc bootrig_check_errors {sr ccr what} {
    set v [bootrig_r32 $sr]
    set err [expr {$v & 0x00FE0000}]
    if {$err != 0} {
        bootrig_w32 $ccr $err
        error [format "%s: flash controller reports %s (SR=0x%08x)" $what [bootrig_error_names $err] $v]
    }
}

proc bootrig_unlock {secure} {
    lassign [bootrig_regs $secure] keyr sr cr ccr
    if {([bootrig_r32 $cr] & 1) == 0} { return }
    bootrig_w32 $keyr 0x45670123
    bootrig_w32 $keyr 0xCDEF89AB
    if {([bootrig_r32 $cr] & 1) != 0} {
        error "flash unlock: CR still locked after the key sequence (a wrong key locks it until reset)"
    }
}

proc bootrig_lock {secure} {
    lassign [bootrig_regs $secure] keyr sr cr ccr
    bootrig_w32 $cr 0
    bootrig_w32 $cr 1
}

# Runs one erase command value on CR and waits for it; always relocks.
proc bootrig_erase_cmd {secure crvalue timeout_ms what} {
    lassign [bootrig_regs $secure] keyr sr cr ccr
    bootrig_wait_idle $sr 1000 $what
    bootrig_w32 $ccr 0x00FF0000
    bootrig_unlock $secure
    set rc [catch {
        bootrig_w32 $cr $crvalue
        bootrig_wait_idle $sr $timeout_ms $what
        bootrig_check_errors $sr $ccr $what
    } msg]
    bootrig_lock $secure
    if {$rc} { error $msg }
}

# bank: physical bank 1 or 2 (BKSEL ignores SWAP_BANK); sector 0..127
proc bootrig_erase_sector {bank sector secure} {
    set bksel [expr {$bank == 2 ? 0x80000000 : 0}]
    bootrig_erase_cmd $secure [expr {0x24 | ($sector << 6) | $bksel}] 5000 "erase sector $sector of bank $bank"
}

proc bootrig_erase_bank {bank secure} {
    set bksel [expr {$bank == 2 ? 0x80000000 : 0}]
    bootrig_erase_cmd $secure [expr {0x28 | $bksel}] 30000 "erase bank $bank"
}

# With TrustZone on, a MER through SECCR is refused when it meets a non-secure sector (RM0481 leaves open
# whether it errors or erases part): every sector is made secure through the block-based SECBB registers
# first (as ST's own tools do), and the registers are restored afterwards (a reset clears them anyway).
proc bootrig_mass_erase {secure} {
    if {!$secure} {
        bootrig_erase_cmd 0 0x8020 60000 "mass erase"
        return
    }
    set regs {}
    foreach base {0x500220A0 0x500221A0} {
        for {set i 0} {$i < 4} {incr i} { lappend regs [expr {$base + 4 * $i}] }
    }
    set saved {}
    foreach r $regs { lappend saved [bootrig_r32 $r] }
    foreach r $regs { bootrig_w32 $r 0xFFFFFFFF }
    set rc [catch { bootrig_erase_cmd 1 0x8020 60000 "mass erase" } msg]
    foreach r $regs v $saved { bootrig_w32 $r $v }
    if {$rc} { error $msg }
}

# Programs a binary file whose length is a multiple of 16 at a 16-byte aligned flash address, in
# windows of `chunk` bytes through load_image (32-bit auto-increment writes keep quad-words whole),
# waiting for the controller and checking its flags after every window. Secure programming uses the
# secure register bank and the secure alias address.
proc bootrig_program {file address secure chunk} {
    lassign [bootrig_regs $secure] keyr sr cr ccr
    set size [file size $file]
    if {$size % 16 != 0 || $address % 16 != 0} {
        error [format "program %s: size %d and address 0x%08x must be multiples of 16" $file $size $address]
    }
    bootrig_wait_idle $sr 1000 "program"
    bootrig_w32 $ccr 0x00FF0000
    bootrig_unlock $secure
    set rc [catch {
        bootrig_w32 $cr 0x2
        for {set off 0} {$off < $size} {incr off $chunk} {
            set n [expr {$size - $off < $chunk ? $size - $off : $chunk}]
            set what [format "program 0x%08x" [expr {$address + $off}]]
            load_image $file $address bin [expr {$address + $off}] $n
            bootrig_wait_idle $sr 1000 $what
            bootrig_check_errors $sr $ccr $what
        }
    } msg]
    bootrig_lock $secure
    if {$rc} { error $msg }
    return $size
}

# OTP: 16-bit programming through NSCR only; `pairs` is a flat list {address value address value ...}.
proc bootrig_otp_program {pairs} {
    lassign [bootrig_regs 0] keyr sr cr ccr
    bootrig_wait_idle $sr 1000 "OTP program"
    bootrig_w32 $ccr 0x00FF0000
    bootrig_unlock 0
    set rc [catch {
        bootrig_w32 $cr 0x2
        foreach {a v} $pairs {
            set what [format "OTP program 0x%08x" $a]
            write_memory $a 16 [list $v]
            bootrig_wait_idle $sr 1000 $what
            bootrig_check_errors $sr $ccr $what
        }
    } msg]
    bootrig_lock 0
    if {$rc} { error $msg }
    return [expr {[llength $pairs] / 2}]
}

# The 2 KB OTP as 1024 half-words; blank half-words may latch ECC detection, so ECCDETR is cleared after.
proc bootrig_otp_read {} {
    set words [read_memory 0x08FFF000 16 1024]
    bootrig_w32 0x40022104 0x80000000
    return $words
}

# Option bytes: read-modify-write one _PRG register (offset from the FLASH base).
proc bootrig_option_write {secure offset value mask} {
    set base [expr {$secure ? 0x50022000 : 0x40022000}]
    set sr [expr {$base + ($secure ? 0x24 : 0x20)}]
    bootrig_wait_idle $sr 1000 "option bytes"
    if {([bootrig_r32 [expr {$base + 0x1C}]] & 1) != 0} {
        bootrig_w32 [expr {$base + 0x0C}] 0x08192A3B
        bootrig_w32 [expr {$base + 0x0C}] 0x4C5D6E7F
        if {([bootrig_r32 [expr {$base + 0x1C}]] & 1) != 0} {
            error "option bytes: OPTCR still locked after the key sequence (a wrong key locks it until reset)"
        }
    }
    set reg [expr {$base + $offset}]
    set old [bootrig_r32 $reg]
    bootrig_w32 $reg [expr {($old & ~$mask) | ($value & $mask)}]
    return [format 0x%08x [bootrig_r32 $reg]]
}

# Starts the option-byte change (OPTSTRT), waits, checks OPTCHANGEERR, relocks OPTCR.
proc bootrig_option_commit {secure} {
    set base [expr {$secure ? 0x50022000 : 0x40022000}]
    set nssr 0x40022020
    if {[bootrig_r32 $nssr] & (1 << 23)} { bootrig_w32 0x40022030 [expr {1 << 23}] }
    set rc [catch {
        bootrig_w32 [expr {$base + 0x1C}] 0x2
        bootrig_wait_idle $nssr 5000 "option byte change"
        set v [bootrig_r32 $nssr]
        if {$v & 0x00FE0000} {
            bootrig_w32 0x40022030 [expr {$v & 0x00FE0000}]
            error [format "option byte change: flash controller reports %s (NSSR=0x%08x)" \
                [bootrig_error_names [expr {$v & 0x00FE0000}]] $v]
        }
    } msg]
    bootrig_w32 [expr {$base + 0x1C}] 0x1
    if {$rc} { error $msg }
}

# name value pairs describing the chip, all numbers in hex
proc bootrig_identity {} {
    set out {}
    lappend out idcode [format 0x%08x [bootrig_r32 0x44024000]]
    lappend out uid0 [format 0x%08x [bootrig_r32 0x08FFF800]]
    lappend out uid1 [format 0x%08x [bootrig_r32 0x08FFF804]]
    lappend out uid2 [format 0x%08x [bootrig_r32 0x08FFF808]]
    lappend out flash_kb [format 0x%04x [bootrig_r16 0x08FFF80C]]
    lappend out package [format 0x%04x [bootrig_r16 0x08FFF80E]]
    set regs {optsr 0x050 optsr2 0x070 nsbootr 0x080 secbootr 0x088 otpblr 0x090 secwm1 0x0E0 wrp1 0x0E8}
    lappend regs secwm2 0x1E0 wrp2 0x1E8 optcr 0x01C
    foreach {name off} $regs {
        lappend out $name [format 0x%08x [bootrig_r32 [expr {0x40022000 + $off}]]]
    }
    return $out
}
