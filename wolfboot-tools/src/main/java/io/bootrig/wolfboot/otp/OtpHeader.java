package io.bootrig.wolfboot.otp;

/**
 * struct wolfBoot_otp_hdr after its "WOLFBOOT" magic.
 *
 * @param itemCount number of key slots (u16)
 * @param flags     u16, written 0 by wolfBoot's tools and ignored by wolfBoot
 * @param version   u32, the wolfBoot library version of the tool that wrote it, not a firmware version
 */
public record OtpHeader(int itemCount, int flags, long version) {}
