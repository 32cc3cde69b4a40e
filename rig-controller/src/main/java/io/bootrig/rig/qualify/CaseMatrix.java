package io.bootrig.rig.qualify;

import io.bootrig.rig.qualify.ImageRecipe.Damage;
import io.bootrig.rig.qualify.ImageRecipe.VersionChoice;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.keystore.SlotSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The cases that qualify a keystore with its private keys: per key, the partition ids its mask allows and forbids, as
 * far as an update can carry them; then a wrong key, a tampered payload, a bad signature, a downgrade and an equal
 * version. The notes say what is sent and why, for the report.
 */
final class CaseMatrix {
    /** The partition id of the application. */
    static final int APPLICATION = 1;

    record Result(List<QualificationCase> cases, List<String> notes, SlotKey reference) {}

    private CaseMatrix() {}

    static Result build(List<SlotKey> keys, PartitionLayout layout) throws QualificationInputException {
        SlotKey reference = keys.stream().filter(k -> k.slot().allowsPartition(APPLICATION)).findFirst()
                .orElseThrow(() -> new QualificationInputException("none of the given keys may sign partition id 1 (the "
                        + "application): provisioning needs a v1 application signed by one of them; give a key whose "
                        + "slot's mask has bit 1 set"));
        List<QualificationCase> cases = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean dualBank = layout.dualBankSwap();
        notes.add("Partition ids: an image carries its id in the low 4 bits of its type (HDR_IMG_TYPE), so ids 0.."
                + (SlotSummary.PARTITION_IDS - 1) + " are tested; mask bits 16..31 cannot be carried by any image.");
        if (dualBank) {
            notes.add(layout.source() + " sets DUALBANK_SWAP: wolfBoot (update_flash_hwswap.c) checks an UPDATE image's "
                    + "partition id only against the signing key's mask (wolfBoot_verify_authenticity: (1 << id) & mask); "
                    + "it does not require id 1, which only the swap-based update_flash.c does (\"Update type invalid\"). "
                    + "So every id a key's mask allows is sent as an update and must be taken (id 0, wolfBoot "
                    + "self-update, and ids 2..15 then run as the application), and the forbidden ids next to an "
                    + "allowed one (the mask's edges) are sent and must be rejected.");
        } else {
            notes.add(layout.source() + " does not set DUALBANK_SWAP: the swap-based update refuses any partition id "
                    + "but 1 whatever the mask, so only id 1 is sent: as an allowed id for keys whose mask allows it, "
                    + "as a forbidden id for keys whose mask excludes it. Other ids would be refused for not being 1 "
                    + "and prove nothing about the mask.");
        }
        for (SlotKey key : keys) {
            KeystoreSlot slot = key.slot();
            List<Integer> allowed = new ArrayList<>();
            List<Integer> forbidden = new ArrayList<>();
            for (int id = 0; id < SlotSummary.PARTITION_IDS; id++) {
                (slot.allowsPartition(id) ? allowed : forbidden).add(id);
            }
            List<Integer> sendAllowed = dualBank ? allowed : allowed.stream().filter(id -> id == APPLICATION).toList();
            List<Integer> sendForbidden = dualBank ? edges(allowed, forbidden)
                    : forbidden.stream().filter(id -> id == APPLICATION).toList();
            for (int id : sendAllowed) {
                cases.add(new QualificationCase("slot" + slot.slotId() + "-id" + id, CaseKind.ALLOWED_ID,
                        "slot " + slot.slotId() + " signs partition id " + id + " (mask " + slot.maskHex()
                                + " allows it): taken", Optional.of(slot), OptionalInt.of(id), Optional.of(true),
                        Expected.ACCEPT, new ImageRecipe.Signed(key, id, VersionChoice.NEXT, Damage.NONE)));
            }
            for (int id : sendForbidden) {
                cases.add(new QualificationCase("slot" + slot.slotId() + "-id" + id + "-forbidden", CaseKind.FORBIDDEN_ID,
                        "slot " + slot.slotId() + " signs partition id " + id + " (mask " + slot.maskHex()
                                + " excludes it): rejected", Optional.of(slot), OptionalInt.of(id), Optional.of(false),
                        Expected.REJECT, new ImageRecipe.Signed(key, id, VersionChoice.NEXT, Damage.NONE)));
            }
            notes.add("slot " + slot.slotId() + " (" + key.file() + ", mask " + slot.maskHex() + "): allows ids "
                    + IdRanges.format(allowed) + ", forbids " + IdRanges.format(forbidden) + "; sent as allowed: "
                    + IdRanges.format(sendAllowed) + "; sent as forbidden: " + IdRanges.format(sendForbidden)
                    + (forbidden.isEmpty() ? " (the mask allows every id an image can carry: no forbidden-id case)" : ""));
        }
        KeystoreSlot ref = reference.slot();
        long slotId = ref.slotId();
        cases.add(new QualificationCase("wrong-key", CaseKind.WRONG_KEY, "a fresh " + layout.sign().wolfBootName()
                + " key in no slot signs partition id 1: rejected (unknown key)", Optional.empty(),
                OptionalInt.of(APPLICATION), Optional.empty(), Expected.REJECT, new ImageRecipe.FreshKey(APPLICATION)));
        cases.add(new QualificationCase("tampered-payload", CaseKind.TAMPERED_PAYLOAD, "slot " + slotId
                + "'s image with one payload byte flipped after signing: rejected (integrity)", Optional.of(ref),
                OptionalInt.of(APPLICATION), Optional.of(true), Expected.REJECT,
                new ImageRecipe.Signed(reference, APPLICATION, VersionChoice.NEXT, Damage.PAYLOAD_BYTE)));
        cases.add(new QualificationCase("bad-signature", CaseKind.BAD_SIGNATURE, "slot " + slotId
                + "'s image with one signature byte flipped: rejected (signature)", Optional.of(ref),
                OptionalInt.of(APPLICATION), Optional.of(true), Expected.REJECT,
                new ImageRecipe.Signed(reference, APPLICATION, VersionChoice.NEXT, Damage.SIGNATURE_BYTE)));
        cases.add(new QualificationCase("downgrade", CaseKind.DOWNGRADE, "slot " + slotId
                + " validly signs the running version - 1: not taken (no downgrade)", Optional.of(ref),
                OptionalInt.of(APPLICATION), Optional.of(true), Expected.REJECT,
                new ImageRecipe.Signed(reference, APPLICATION, VersionChoice.PREVIOUS, Damage.NONE)));
        cases.add(new QualificationCase("equal-version", CaseKind.EQUAL_VERSION, "slot " + slotId
                + " validly signs the running version again: not taken", Optional.of(ref), OptionalInt.of(APPLICATION),
                Optional.of(true), Expected.REJECT,
                new ImageRecipe.Signed(reference, APPLICATION, VersionChoice.SAME, Damage.NONE)));
        notes.add("Wrong key, tampered payload, bad signature, downgrade and equal version use partition id 1 and slot "
                + slotId + "'s key (the first given key that may sign the application), so that the one thing changed "
                + "is what must make wolfBoot refuse; the wrong key, tampered and bad-signature images carry the next "
                + "version, so their refusal is not a version refusal.");
        notes.add("Versions: the board is provisioned with v1 signed by slot " + slotId + "; each case's image is signed "
                + "just before it is sent, as the running version + 1 (downgrade: - 1, equal version: the same); an "
                + "image that is taken must boot in TESTING and is confirmed ('success'), so every case starts from a "
                + "confirmed image and versions only increase. A rejected image must leave the running version, its "
                + "state and the bank swap as they were.");
        return new Result(List.copyOf(cases), List.copyOf(notes), reference);
    }

    /** The forbidden ids next to an allowed one; the lowest forbidden id when none is (a mask that allows nothing). */
    private static List<Integer> edges(List<Integer> allowed, List<Integer> forbidden) {
        List<Integer> out = forbidden.stream().filter(id -> allowed.contains(id - 1) || allowed.contains(id + 1)).toList();
        return out.isEmpty() && !forbidden.isEmpty() ? List.of(forbidden.get(0)) : out;
    }
}
