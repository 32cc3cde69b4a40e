package io.bootrig.board.debug;

/**
 * The identification block at the top of a 4 KB CoreSight component: DEVARCH (0xFBC), DEVTYPE
 * (0xFCC), the peripheral ID registers PIDR4-7 and PIDR0-3 (0xFD0-0xFEC) and the component ID
 * registers CIDR0-3 (0xFF0-0xFFC).
 *
 * @param jep106Continuation JEP106 bank of the designer (ARM: 4, ST: 0)
 * @param jep106Id           JEP106 identity code of the designer (ARM: 0x3B, ST: 0x20)
 * @param partNumber         12-bit part number
 * @param componentClass     CIDR1 class: 0x1 ROM table, 0x9 CoreSight component
 * @param devarch            DEVARCH, 0 when the component has none
 * @param devtype            DEVTYPE
 */
record CoreSightIdentity(
        int jep106Continuation, int jep106Id, int partNumber, int componentClass, long devarch, int devtype) {

    static final int FIRST_OFFSET = 0xFBC;
    static final int DEVARCH = 0xFBC;
    static final int DEVTYPE = 0xFCC;

    static CoreSightIdentity arm(int partNumber, long devarch) {
        return new CoreSightIdentity(4, 0x3B, partNumber, 0x9, devarch, 0);
    }

    static boolean isIdentificationOffset(int offset) {
        return offset >= FIRST_OFFSET && offset <= 0xFFC;
    }

    /** The register at {@code offset} in the component's 4 KB block (0 for the reserved ones). */
    long read(int offset) {
        return switch (offset) {
            case DEVARCH -> devarch;
            case DEVTYPE -> devtype;
            case 0xFD0 -> jep106Continuation & 0xF; // PIDR4: continuation code, 4 KB
            case 0xFE0 -> partNumber & 0xFF; // PIDR0
            case 0xFE4 -> ((partNumber >>> 8) & 0xF) | ((jep106Id & 0xF) << 4); // PIDR1
            case 0xFE8 -> ((jep106Id >>> 4) & 0x7) | 0x8; // PIDR2: JEDEC-assigned, revision 0
            case 0xFF0 -> 0x0D;
            case 0xFF4 -> (componentClass & 0xF) << 4;
            case 0xFF8 -> 0x05;
            case 0xFFC -> 0xB1;
            default -> 0;
        };
    }
}
