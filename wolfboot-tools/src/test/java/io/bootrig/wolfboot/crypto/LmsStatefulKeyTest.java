package io.bootrig.wolfboot.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.VectorKeys;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmsStatefulKeyTest {
    @TempDir
    Path tmp;

    private static final LmsParameters L1_H5_W8 = new LmsParameters(1, 5, 8);

    private Path newKey(LmsParameters p, long q) throws Exception {
        Path f = tmp.resolve("k-" + System.nanoTime() + ".der");
        Files.write(f, LmsPrivateKey.generate(p, new SecureRandom()).withQ(q).encode());
        return f;
    }

    private static long storedQ(Path f) throws Exception {
        return LmsPrivateKey.parse("k", Files.readAllBytes(f)).q();
    }

    /** Leaf index of the bottom LMS signature of an HSS signature. */
    private static int bottomLeaf(LmsParameters p, byte[] hssSig) {
        int offset = 4 + (p.levels() - 1) * (p.lmsSignatureSize() + 56);
        return ByteBuffer.wrap(hssSig, offset, 4).getInt();
    }

    @Test
    void eachSignaturePersistsTheNextIndexFirst() throws Exception {
        Path f = newKey(L1_H5_W8, 0);
        LmsSigningKey key = LmsSigningKey.open(f);
        PublicKeyCodec.decode(AuthType.LMS, key.publicKey(), "k");
        for (int i = 0; i < 3; i++) {
            byte[] sig = key.sign(new byte[32]);
            assertThat(bottomLeaf(L1_H5_W8, sig)).isEqualTo(i);
            assertThat(storedQ(f)).isEqualTo(i + 1);
            assertThat(PublicKeyCodec.decode(AuthType.LMS, key.publicKey(), "k").verify(new byte[32], sig)).isTrue();
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anExhaustedKeyIsRefusedAndLeftUnchanged() throws Exception {
        Path f = newKey(L1_H5_W8, 31);
        LmsSigningKey key = LmsSigningKey.open(f);
        assertThat(bottomLeaf(L1_H5_W8, key.sign(new byte[32]))).isEqualTo(31);
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> key.sign(new byte[32])).isInstanceOf(KeyExhaustedException.class)
                .hasMessageContaining("exhausted");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void twoLevelIndicesSpanBothTrees() throws Exception {
        LmsParameters p = new LmsParameters(2, 5, 8);
        Path f = newKey(p, 33);
        LmsSigningKey key = LmsSigningKey.open(f);
        byte[] sig = key.sign(new byte[32]);
        assertThat(sig).hasSize(2644);
        assertThat(ByteBuffer.wrap(sig, 4, 4).getInt()).as("top tree leaf").isEqualTo(1);
        assertThat(bottomLeaf(p, sig)).as("bottom tree leaf").isEqualTo(1);
        assertThat(PublicKeyCodec.decode(AuthType.LMS, key.publicKey(), "k").verify(new byte[32], sig)).isTrue();
    }

    @Test
    void concurrentSignersNeverShareAnIndex() throws Exception {
        Path f = newKey(L1_H5_W8, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> sigs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                LmsSigningKey key = LmsSigningKey.open(f);
                sigs.add(pool.submit(() -> key.sign(new byte[32])));
            }
            Set<Integer> leaves = new HashSet<>();
            for (Future<byte[]> s : sigs) {
                leaves.add(bottomLeaf(L1_H5_W8, s.get(60, TimeUnit.SECONDS)));
            }
            assertThat(leaves).hasSize(12);
            assertThat(storedQ(f)).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int runProbe(Path key, String haltAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LmsCrashProbe.class.getName(), key.toString(), haltAt).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out)).isIn(0, 42);
        return p.exitValue();
    }

    @Test
    void aProcessThatDiesAfterReservingAnIndexNeverLetsItBeReused() throws Exception {
        Path f = VectorKeys.copyKey("lms", "key0_all", tmp);
        assertThat(storedQ(f)).isEqualTo(3);
        assertThat(runProbe(f, "after-persist")).isEqualTo(42);
        assertThat(storedQ(f)).as("index 3 reserved by the dead process").isEqualTo(4);
        byte[] sig = LmsSigningKey.open(f).sign(new byte[32]);
        assertThat(bottomLeaf(new LmsParameters(2, 5, 8), sig)).isEqualTo(4);
        assertThat(storedQ(f)).isEqualTo(5);
    }

    @Test
    void aProcessThatDiesBeforeReservingLeavesTheKeyAsItWas() throws Exception {
        Path f = VectorKeys.copyKey("lms", "key1_id123", tmp);
        byte[] before = Files.readAllBytes(f);
        assertThat(runProbe(f, "before-persist")).isEqualTo(42);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(runProbe(f, "never")).isEqualTo(0);
        assertThat(storedQ(f)).isEqualTo(3);
    }
}
