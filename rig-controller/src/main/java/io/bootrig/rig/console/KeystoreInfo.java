package io.bootrig.rig.console;

import java.util.List;

/** The keystore part of {@code info}: its title ("Bootloader OTP keystore information") and the keys. */
public record KeystoreInfo(String title, List<PublicKeyInfo> keys) {
    public KeystoreInfo {
        keys = List.copyOf(keys);
    }

    public boolean otp() {
        return title.contains("OTP");
    }
}
