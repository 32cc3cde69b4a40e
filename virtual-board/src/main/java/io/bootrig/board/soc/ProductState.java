package io.bootrig.board.soc;

import java.util.Optional;

/** OPTSR.PRODUCT_STATE encodings (HAL {@code OB_PROD_STATE_*}). */
public enum ProductState {
    OPEN(0xED),
    PROVISIONING(0x17),
    IROT_PROVISIONED(0x2E),
    TZ_CLOSED(0xC6),
    CLOSED(0x72),
    LOCKED(0x5C),
    REGRESSION(0x9A),
    NS_REGRESSION(0xA3);

    private final int code;

    ProductState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ProductState> of(int code) {
        for (ProductState state : values()) {
            if (state.code == code) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
