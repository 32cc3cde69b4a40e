package io.bootrig.rig.flow;

import io.bootrig.rig.console.KeystoreInfo;
import io.bootrig.rig.console.PublicKeyInfo;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Compares the keys the application's {@code info} lists with a keystore, slot by slot. */
final class KeysOnBoard {
    private KeysOnBoard() {}

    /** Differences, one line each; empty when every key matches. */
    static List<String> differences(SystemInfo info, Keystore expected) {
        List<String> out = new ArrayList<>();
        if (info.keystore().isEmpty()) {
            out.add("'info' lists no keystore");
            return out;
        }
        KeystoreInfo shown = info.keystore().get();
        if (shown.keys().size() != expected.size()) {
            out.add("'info' lists " + shown.keys().size() + " keys, the keystore has " + expected.size());
        }
        for (int i = 0; i < Math.min(shown.keys().size(), expected.size()); i++) {
            PublicKeyInfo k = shown.keys().get(i);
            KeystoreSlot s = expected.slots().get(i);
            if (k.type() != s.keyType()) {
                out.add(String.format("key #%d: type 0x%x, expected 0x%x", i, k.type(), s.keyType()));
            }
            if (k.mask() != s.partIdMask()) {
                out.add(String.format("key #%d: mask %08x, expected %08x", i, k.mask(), s.partIdMask()));
            }
            if (k.size() != s.pubkeySize()) {
                out.add(String.format("key #%d: size %d, expected %d", i, k.size(), s.pubkeySize()));
            }
            byte[] want = Arrays.copyOf(s.pubkey(), (int) s.pubkeySize());
            if (!Arrays.equals(k.key(), want)) {
                out.add("key #" + i + ": the public key bytes differ (shown " + abbreviate(k.key()) + ", expected "
                        + abbreviate(want) + ")");
            }
        }
        return out;
    }

    private static String abbreviate(byte[] key) {
        String hex = HexFormat.of().formatHex(key);
        return hex.length() > 24 ? hex.substring(0, 24) + "..." : hex;
    }
}
