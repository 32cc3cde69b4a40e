package io.bootrig.wolfboot.keystore;

/**
 * One thing wrong, or worth a look, in a keystore.
 *
 * @param slot  slot index, or -1 for the keystore as a whole
 * @param field the slot field (slot_id, key_type, part_id_mask, pubkey_size, pubkey) or keystore
 *              aspect (slots, otp) it concerns
 */
public record LintFinding(Severity severity, int slot, String field, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return severity + " " + (slot >= 0 ? "slot[" + slot + "]." : "") + field + ": " + message;
    }
}
