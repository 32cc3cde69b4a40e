package io.bootrig.rig.qualify;

import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of the accept/reject matrix.
 *
 * @param name        short id (kebab-case), the step's name: slot0-id5, slot1-id4-forbidden, wrong-key, ...
 * @param title       what is sent and what must happen, in words
 * @param slot        the keystore slot whose key signs the image (empty: a fresh key, or a key in no slot)
 * @param partitionId the partition id the image carries
 * @param maskAllows  whether the slot's mask allows that id
 */
public record QualificationCase(String name, CaseKind kind, String title, Optional<KeystoreSlot> slot,
        OptionalInt partitionId, Optional<Boolean> maskAllows, Expected expected, ImageRecipe recipe) {}
