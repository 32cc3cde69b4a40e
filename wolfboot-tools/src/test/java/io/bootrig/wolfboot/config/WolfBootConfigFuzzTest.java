package io.bootrig.wolfboot.config;

import static io.bootrig.wolfboot.FuzzChecks.documented;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bootrig.wolfboot.FormatException;
import java.nio.charset.StandardCharsets;

/**
 * A wolfBoot .config on any bytes, read as {@link WolfBootConfig#read} reads a file: the
 * assignments or a {@link FormatException}; then {@link WolfBootConfig#layout()}: a checked
 * partition layout or a {@link FormatException}, and every derived value {@code rig config show}
 * and provisioning print or use (addresses, trailers, secure watermarks, the address checks).
 */
class WolfBootConfigFuzzTest {
    private static final String SOURCE = "fuzz.config";

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        WolfBootConfig config;
        PartitionLayout layout;
        try {
            config = WolfBootConfig.parse(SOURCE, new String(data, StandardCharsets.UTF_8));
            config.entries();
            config.toString();
            layout = config.layout();
        } catch (FormatException e) {
            documented(e, SOURCE);
            return;
        }
        layout.toMap();
        layout.entryPoint();
        layout.maxFirmwareSize();
        layout.wolfBootArea();
        AddressCheck.applicationImage(layout, layout.boot().address());
        AddressCheck.updateImage(layout, layout.update().address());
        AddressCheck.applicationImage(layout, 0x08040000L);
        if (layout.flash().isPresent()) {
            for (int bank = 1; bank <= layout.flash().get().banks(); bank++) {
                SecureWatermarks.pieces(layout, bank);
                SecureWatermarks.required(layout, bank);
                AddressCheck.secureWatermark(layout, bank, 0x00, 0x1F);
            }
        }
    }
}
