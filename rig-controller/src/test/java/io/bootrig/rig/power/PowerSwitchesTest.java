package io.bootrig.rig.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.Inventory;
import io.bootrig.rig.inventory.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerSwitchesTest {
    @TempDir
    Path tmp;

    @Test
    void eachInventoryEntryGetsItsSwitch() throws Exception {
        Files.createDirectories(tmp.resolve("boards"));
        String yaml = """
                name: %s
                kind: nucleo-h563zi
                console: /dev/ttyACM0
                openocd: {interface: interface/nucleo-h563zi.cfg}
                power: %s
                wolfboot-config: %s
                """;
        Files.writeString(tmp.resolve("boards/plain.yaml"), yaml.formatted("plain", "none", TestHomes.lmsConfig()));
        Files.writeString(tmp.resolve("boards/hub.yaml"), yaml.formatted("hub",
                "{command: [uhubctl, -a, \"{action}\"]}", TestHomes.lmsConfig()));
        Inventory inv = Inventory.load(TestHomes.under(tmp));
        VirtualControl unused = () -> {
            throw new AssertionError("not asked");
        };

        BoardSpec plain = inv.resolve("plain");
        PowerSwitch none = PowerSwitches.of(plain, unused);
        assertThat(none).isInstanceOf(NoPowerSwitch.class);
        assertThatThrownBy(none::cycle).isInstanceOf(PowerException.class)
                .hasMessage("cannot switch power cycle: board plain has no power switch (power: none in "
                        + tmp.resolve("boards/plain.yaml") + ")");
        assertThat(PowerSwitches.of(inv.resolve("hub"), unused).describe()).isEqualTo("command uhubctl -a {action}");
        assertThat(PowerSwitches.of(inv.resolve("sim-3"), unused)).isInstanceOf(VirtualPowerSwitch.class);
    }
}
