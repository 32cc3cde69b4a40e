package io.bootrig.board.debug;

/** Drives a {@link JtagTap} directly, pin by pin. */
final class TapScanner extends JtagScanner {
    private final JtagTap tap;

    TapScanner(JtagTap tap) {
        this.tap = tap;
    }

    @Override
    protected boolean[] clock(boolean[] tms, boolean[] tdi) {
        boolean[] tdo = new boolean[tms.length];
        for (int i = 0; i < tms.length; i++) {
            tap.drive(false, tms[i], tdi[i]);
            tdo[i] = tap.tdo();
            tap.drive(true, tms[i], tdi[i]);
        }
        return tdo;
    }
}
