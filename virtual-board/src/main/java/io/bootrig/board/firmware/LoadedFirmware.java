package io.bootrig.board.firmware;

import java.util.Map;
import java.util.Optional;

/**
 * A virtual firmware found in memory, as the core would fetch it: the vector table's reset vector
 * leads to a {@link FirmwareDescriptor}.
 *
 * @param kind        what it models
 * @param vectorTable where its vector table is
 * @param parameters  how it was built
 */
record LoadedFirmware(FirmwareKind kind, long vectorTable, Map<String, String> parameters) {

    /** What the core finds at {@code vectorTable} fetching in the given security state; empty when not a virtual firmware. */
    static Optional<LoadedFirmware> at(Mcu mcu, long vectorTable, boolean secure) {
        try {
            long resetHandler = mcu.read32(vectorTable + 4, secure) & ~1L;
            Optional<FirmwareDescriptor.Header> header =
                    FirmwareDescriptor.header(mcu.read(resetHandler, FirmwareDescriptor.HEADER_SIZE, secure));
            if (header.isEmpty()) {
                return Optional.empty();
            }
            byte[] text = mcu.read(resetHandler + FirmwareDescriptor.HEADER_SIZE, header.get().parametersLength(), secure);
            return FirmwareDescriptor.parameters(header.get(), text)
                    .map(parameters -> new LoadedFirmware(header.get().kind(), vectorTable, parameters));
        } catch (HardFault fault) {
            return Optional.empty();
        }
    }
}
