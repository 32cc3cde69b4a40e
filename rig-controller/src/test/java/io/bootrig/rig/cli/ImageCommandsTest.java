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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageCommandsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"ecc256,keystore.c", "ecc256,otp.bin", "ed25519,keystore.der", "rsa2048,keystore.c", "lms,otp.bin",
            "lms,keystore.der"})
    void verifyGivesTheExpectedVerdictAndExitCode(String alg, String keystore) throws Exception {
        Rig ok = Rig.run("image", "verify", vector(alg + "/key0_v2_signed.bin"), "--keystore", vector(alg + "/" + keystore));
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("accept: ");
        Rig no = Rig.run("image", "verify", vector(alg + "/key1_id4_v1_signed.bin"), "--keystore",
                vector(alg + "/" + keystore), "--json");
        assertThat(no.exit()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(no.out());
        assertThat(j.get("verdict").asText()).isEqualTo("reject");
        assertThat(j.get("reason").asText()).isEqualTo("permission");
        assertThat(j.get("slot").asInt()).isEqualTo(1);
        assertThat(j.get("partitionId").asInt()).isEqualTo(4);
    }

    @Test
    void verifyWithAConfigChecksTheDeviceAlgorithmAndRequiredPartition() {
        Rig wrongAlg = Rig.run("image", "verify", vector("ecc256/key0_v1_signed.bin"), "--keystore",
                vector("ecc256/keystore.c"), "--config", Rig.config("stm32h5-tz-dualbank-otp-lms.config"));
        assertThat(wrongAlg.exit()).isEqualTo(2).as("header size 8192 does not fit a 4352-byte file");
        Rig partition = Rig.run("image", "verify", vector("ecc256/key0_v1_signed.bin"), "--keystore",
                vector("ecc256/keystore.c"), "--partition-id", "0");
        assertThat(partition.exit()).isEqualTo(1);
        assertThat(partition.out()).startsWith("reject (permission)");
    }

    @Test
    void badInputIsOneLineNamingTheFileAndTheFieldWithExit2() throws Exception {
        byte[] good = Files.readAllBytes(Path.of(vector("ecc256/key0_v1_signed.bin")));
        record Case(String name, byte[] bytes, String field) {}
        byte[] magic = good.clone();
        magic[1] = 0;
        byte[] size = good.clone();
        size[6] = 0x7F;
        byte[] overrun = good.clone();
        overrun[126] = (byte) 0xF0;
        for (Case c : new Case[] {new Case("truncated.bin", Arrays.copyOf(good, 5), "header"),
                new Case("magic.bin", magic, "header.magic"), new Case("size.bin", size, "header.size"),
                new Case("overrun.bin", overrun, "tlv@124")}) {
            Path f = tmp.resolve(c.name());
            Files.write(f, c.bytes());
            Rig r = Rig.run("image", "verify", f.toString(), "--keystore", vector("ecc256/keystore.c"));
            assertThat(r.exit()).as(c.name()).isEqualTo(2);
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("rig: " + f + ": " + c.field());
        }
        Path garbage = tmp.resolve("keystore.c");
        Files.writeString(garbage, Files.readString(Path.of(vector("ecc256/keystore.c"))).replace(".pubkey_size = 64",
                ".pubkey_size = 6x4"));
        Rig r = Rig.run("image", "verify", vector("ecc256/key0_v1_signed.bin"), "--keystore", garbage.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("rig: " + garbage + ": slot[0].pubkey_size").hasLineCount(1);
        Path shortKey = tmp.resolve("short.der");
        Files.write(shortKey, new byte[95]);
        Rig k = Rig.run("image", "sign", vector("payload.bin"), "--key", shortKey.toString(), "--version", "1", "-o",
                tmp.resolve("o.bin").toString());
        assertThat(k.exit()).isEqualTo(2);
        assertThat(k.err()).startsWith("rig: " + shortKey + ": key: not a wolfBoot private key").hasLineCount(1);
        Rig missing = Rig.run("image", "inspect", tmp.resolve("nope.bin").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("rig: " + tmp.resolve("nope.bin") + ": no such file\n");
    }

    @Test
    void inspectShowsEveryTlv() throws Exception {
        Rig r = Rig.run("image", "inspect", vector("lms/key1_id4_v1_signed.bin"), "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("headerSize").asInt()).isEqualTo(8192);
        assertThat(j.get("imageType").asText()).isEqualTo("0x0904");
        assertThat(j.get("authType").asText()).isEqualTo("LMS");
        assertThat(j.get("digestMatches").asBoolean()).isTrue();
        assertThat(j.get("tlvs")).hasSize(6);
        assertThat(j.get("tlvs").get(5).get("length").asInt()).isEqualTo(2644);
        Rig text = Rig.run("image", "inspect", vector("ecc256/key0_v3_nots_signed.bin"));
        assertThat(text.out()).contains("image type   0x0201: ECC256, partition id 1 (application)")
                .contains("digest       SHA256 matches header and payload").doesNotContain("timestamp");
    }

    @Test
    void signReproducesWolfBootsNoTimestampImageByteForByte() throws Exception {
        Path key = tmp.resolve("k.der");
        Files.copy(Path.of(vector("ed25519/ed25519_key0_all.der")), key);
        Path out = tmp.resolve("out.bin");
        Rig r = Rig.run("image", "sign", vector("payload.bin"), "--key", key.toString(), "--version", "3", "--no-ts",
                "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(Path.of(vector("ed25519/key0_v3_nots_signed.bin"))));
    }

    @Test
    void signWithTheStm32h5ConfigUsesItsHeaderSizeAndAdvancesTheLmsKey() throws Exception {
        Path key = tmp.resolve("lms.der");
        Files.copy(Path.of(vector("lms/lms_key0_all.der")), key);
        key.toFile().setWritable(true);
        Path out = tmp.resolve("v4.bin");
        Rig r = Rig.run("image", "sign", vector("payload.bin"), "--key", key.toString(), "--version", "4", "--config",
                Rig.config("stm32h5-tz-dualbank-otp-lms.config"), "-o", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("header 8192").contains("1020 signatures left");
        assertThat(Files.size(out)).isEqualTo(8192 + 4096);
        Rig v = Rig.run("image", "verify", out.toString(), "--keystore", vector("lms/otp.bin"), "--config",
                Rig.config("stm32h5-tz-dualbank-otp-lms.config"), "--partition-id", "1");
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        Rig wrongKey = Rig.run("image", "sign", vector("payload.bin"), "--key", vector("ecc256/ecc256_key0_all.der"),
                "--version", "4", "--config", Rig.config("stm32h5-tz-dualbank-otp-lms.config"), "-o", out.toString());
        assertThat(wrongKey.exit()).isEqualTo(2);
        assertThat(wrongKey.err()).contains("SIGN=LMS but the key is ECC256");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(Rig.run("image", "frobnicate").exit()).isEqualTo(2);
        assertThat(Rig.run("image", "verify", vector("ecc256/key0_v1_signed.bin")).err()).contains("--keystore");
        assertThat(Rig.run().exit()).isEqualTo(2);
    }
}
