package io.bootrig.rig.stm32h5;

/** OPTSR.PRODUCT_STATE values (RM0481). */
public enum ProductState {
    OPEN(0xED), PROVISIONING(0x17), IROT_PROVISIONED(0x2E), TZ_CLOSED(0xC6), CLOSED(0x72), LOCKED(0x5C),
    REGRESSION(0x9A), NS_REGRESSION(0xA3), UNKNOWN(-1);

    private final int code;

    ProductState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ProductState of(int code) {
        for (ProductState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
