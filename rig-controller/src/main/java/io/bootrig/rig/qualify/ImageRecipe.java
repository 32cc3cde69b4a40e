package io.bootrig.rig.qualify;

import java.nio.file.Path;
import java.util.OptionalLong;

/** How a case's image is made; images signed here are signed just before they are sent, from the running version. */
public sealed interface ImageRecipe {

    /** Signed with a keystore slot's key. */
    record Signed(SlotKey key, int partitionId, VersionChoice version, Damage damage) implements ImageRecipe {}

    /** Signed with a fresh key of the keystore's algorithm that no slot holds, as the next version. */
    record FreshKey(int partitionId) implements ImageRecipe {}

    /** The operator's image, sent as it is. */
    record PreSigned(Path file) implements ImageRecipe {}

    /** The version an image signed here carries. */
    enum VersionChoice {
        /** 1: the application provisioning flashes. */
        FIRST,
        /** The running version + 1. */
        NEXT,
        /** The running version - 1 (only when the board runs v2 or later: version 0 means "no image" to wolfBoot). */
        PREVIOUS,
        /** The running version. */
        SAME;

        OptionalLong from(long running) {
            return switch (this) {
                case FIRST -> OptionalLong.of(1);
                case NEXT -> OptionalLong.of(running + 1);
                case PREVIOUS -> running >= 2 ? OptionalLong.of(running - 1) : OptionalLong.empty();
                case SAME -> OptionalLong.of(running);
            };
        }
    }

    /** What is broken after signing. */
    enum Damage {
        NONE,
        /** One byte in the middle of the payload inverted: the digest no longer matches. */
        PAYLOAD_BYTE,
        /** One byte in the middle of HDR_SIGNATURE inverted: the signature no longer verifies. */
        SIGNATURE_BYTE
    }
}
