package io.bootrig.rig.console;

import java.util.HexFormat;

/** One keystore slot as {@code info} prints it: "Public Key #0: size 60, type 9, mask ffffffff" and a hex dump. */
public record PublicKeyInfo(int index, int size, int type, long mask, String keyHex) {
    public byte[] key() {
        return HexFormat.of().parseHex(keyHex);
    }
}
