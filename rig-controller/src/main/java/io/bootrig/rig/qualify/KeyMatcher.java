package io.bootrig.rig.qualify;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Matches private key files to keystore slots by their public key. */
final class KeyMatcher {
    private KeyMatcher() {}

    /**
     * One {@link SlotKey} per file, in slot order.
     *
     * @throws QualificationInputException a file is unreadable, of another algorithm than the config's, holds a key in
     *     no slot, or two files hold the same slot's key
     */
    static List<SlotKey> match(Keystore keystore, List<Path> files, AuthType sign) throws QualificationInputException {
        List<SlotKey> out = new ArrayList<>();
        for (Path file : files) {
            byte[] publicKey;
            try {
                publicKey = PrivateKeyFiles.load(file, Optional.of(sign), false).publicKey();
            } catch (FormatException e) {
                throw new QualificationInputException(e.getMessage(), e);
            } catch (IOException e) {
                throw new QualificationInputException(file + ": cannot read the private key (" + e.getMessage() + ")", e);
            }
            KeystoreSlot slot = keystore.slots().stream().filter(s -> Arrays.equals(s.keyMaterial(), publicKey))
                    .findFirst().orElseThrow(() -> new QualificationInputException(file + ": its public key (SHA-256 "
                            + HexFormat.of().formatHex(HashAlgorithm.SHA256.hash(publicKey)) + ") is in no slot of "
                            + keystore.origin() + "; expected the private key of one of its " + keystore.size() + " slots"));
            for (SlotKey k : out) {
                if (k.slot().slotId() == slot.slotId()) {
                    throw new QualificationInputException(file + " and " + k.file() + " are both the key of slot "
                            + slot.slotId() + " of " + keystore.origin() + "; give each slot's key once");
                }
            }
            out.add(new SlotKey(slot, file));
        }
        out.sort(Comparator.comparingLong(k -> k.slot().slotId()));
        return List.copyOf(out);
    }
}
