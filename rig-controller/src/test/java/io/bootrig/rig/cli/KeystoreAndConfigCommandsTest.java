package io.bootrig.rig.cli;

import static io.bootrig.rig.cli.Rig.vector;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreAndConfigCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void keygenSignVerifyAndOtpImageWorkTogether() throws Exception {
        Path k0 = tmp.resolve("k0.der");
        Path k1 = tmp.resolve("k1.der");
        Path out = tmp.resolve("keys");
        Rig g = Rig.run("keystore", "keygen", "--ecc256", "-g", k0.toString(), "--id", "1,2,3", "-g", k1.toString(),
                "--out", out.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(Rig.run("keystore", "keygen", "--ecc256", "-g", k0.toString(), "--out", out.toString()).err())
                .contains("exists; pass --force");
        String c = Files.readString(out.resolve("keystore.c"));
        assertThat(c).contains(".part_id_mask = 0xFFFFFFFF").contains(".part_id_mask = 0x0000000E")
                .contains("KEYSTORE_PUBKEY_SIZE_ECC256").contains("/* Key associated to file '" + k1 + "' */");
        assertThat(Files.size(out.resolve("keystore.der"))).isEqualTo(160);
        Rig lint = Rig.run("keystore", "lint", out.resolve("keystore.c").toString());
        assertThat(lint.exit()).as(lint.out()).isZero();
        assertThat(lint.out()).contains("may sign partition ids 1 (application), 2, 3");

        Path otp = tmp.resolve("otp.bin");
        Rig o = Rig.run("keystore", "otp-image", out.resolve("keystore.c").toString(), "-o", otp.toString(), "--uds-zero");
        assertThat(o.exit()).as(o.err()).isZero();
        byte[] image = Files.readAllBytes(otp);
        assertThat(image).hasSize(2048);
        assertThat(Arrays.copyOfRange(image, 0x7C0, 0x7E0)).containsOnly(0);

        Path signed = tmp.resolve("app.bin");
        Rig s = Rig.run("image", "sign", vector("payload.bin"), "--key", k1.toString(), "--version", "2", "--id", "3",
                "-o", signed.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        assertThat(Rig.run("image", "verify", signed.toString(), "--keystore", otp.toString()).exit()).isZero();
        assertThat(Rig.run("image", "verify", signed.toString(), "--keystore", vector("ecc256/keystore.c")).out())
                .startsWith("reject (unknown-key)");
    }

    @Test
    void lintReportsTheRsaOtpQuirkAndInspectPrintsJson() throws Exception {
        assertThat(Rig.run("keystore", "lint", vector("lms/keystore.c")).exit()).isZero();
        assertThat(Rig.run("keystore", "lint", vector("lms/otp.bin")).exit()).isZero();
        Rig rsa = Rig.run("keystore", "lint", vector("rsa2048/keystore.c"));
        assertThat(rsa.exit()).isEqualTo(1);
        assertThat(Rig.run("keystore", "lint", vector("rsa2048/keystore.c"), "--no-otp").exit()).isZero();
        Rig i = Rig.run("keystore", "inspect", vector("lms/keystore.der"), "--json");
        JsonNode j = new ObjectMapper().readTree(i.out());
        assertThat(j.get("format").asText()).isEqualTo("der");
        assertThat(j.get("slots").get(1).get("mask").asText()).isEqualTo("0x0000000E");
        assertThat(j.get("slots").get(0).get("fingerprint").asText())
                .isEqualTo("bf6de9f04bcc5c0cffa7073ed06ddc62ce706dc677f9fda57ca4c662a16da98b");
    }

    @Test
    void aKeystoreCFromAnotherKeygenLintsWithAWarningAndVerifies() throws Exception {
        Path edited = tmp.resolve("keystore.c");
        Files.writeString(edited, Files.readString(Path.of(vector("ecc256/keystore.c")))
                .replace("return PubKeys[id].part_id_mask;", "return (int)PubKeys[id].part_id_mask;")
                .replace("\n", "\r\n"));

        Rig lint = Rig.run("keystore", "lint", edited.toString(), "--no-otp");
        assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.out()).contains("WARNING text: not keygen 2.9.0's exact text from line 1 on")
                .contains("clean (0 errors, 1 warning)");
        Rig verify = Rig.run("image", "verify", vector("ecc256/key0_v1_signed.bin"), "--keystore", edited.toString());
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("accept");
    }

    @Test
    void configShowPrintsTheLayoutAndWarnsOnTheDocumentedAppAddress() throws Exception {
        String cfg = Rig.config("stm32h5-tz-dualbank-otp-lms.config");
        Rig ok = Rig.run("config", "show", cfg, "--json");
        assertThat(ok.exit()).as(ok.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(ok.out());
        assertThat(j.get("headerSize").asInt()).isEqualTo(8192);
        Rig warn = Rig.run("config", "show", cfg, "--app-address", "0x08040000", "--secwm1", "0:0x1F");
        assertThat(warn.exit()).isEqualTo(1);
        assertThat(warn.out()).contains("warning:").contains("0x08060000").contains("WOLFBOOT_PARTITION_BOOT_ADDRESS");
        assertThat(Rig.run("config", "show", cfg, "--app-address", "0x0C060000").exit()).isZero();
        Path bad = tmp.resolve("bad.config");
        Files.writeString(bad, "SIGN?=LMS\nthis line is wrong\n");
        Rig b = Rig.run("config", "show", bad.toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).startsWith("rig: " + bad + ": line 2");
    }
}
