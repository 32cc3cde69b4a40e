package io.bootrig.board.bus;

/**
 * The attributes of one bus transaction.
 *
 * @param secure     the TrustZone attribute (for a debug MEM-AP: CSW.HNONSEC clear and secure debug allowed)
 * @param privileged the AHB HPROT privileged bit
 * @param initiator  who drives the access, for traces and fault messages: "AP0", "AP1", "CPU", "firmware"
 */
public record BusAccess(boolean secure, boolean privileged, String initiator) {
    public static BusAccess debugSecure(String ap) {
        return new BusAccess(true, true, ap);
    }

    public static BusAccess debugNonSecure(String ap) {
        return new BusAccess(false, true, ap);
    }
}
