package io.bootrig.rig.qualify;

import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.nio.file.Path;

/**
 * A private key file matched to the keystore slot holding its public key. Only the path is kept: the key is read from
 * the file for each signature, so a stateful (LMS) key reserves its next index there.
 */
public record SlotKey(KeystoreSlot slot, Path file) {}
