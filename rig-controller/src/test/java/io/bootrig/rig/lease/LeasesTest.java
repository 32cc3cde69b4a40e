package io.bootrig.rig.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.Inventory;
import io.bootrig.rig.inventory.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeasesTest {
    private static final LeaseTiming FAST = new LeaseTiming(Duration.ofMillis(50), Duration.ofSeconds(30));

    @TempDir
    Path tmp;

    private RigHome home;
    private BoardSpec board;
    private Leases leases;

    @BeforeEach
    void setUp() throws Exception {
        home = TestHomes.under(tmp);
        board = Inventory.load(home).resolve("sim-5");
        leases = new Leases(home);
    }

    private Path leaseFile() {
        return tmp.resolve("leases/sim-5.lease");
    }

    private static LeaseRecord someoneElse(long pid, String host, Instant heartbeat) {
        return new LeaseRecord("sim-5", "alice@" + host, pid, host, "feedface", heartbeat.minusSeconds(60), heartbeat,
                "rig provision --board sim-5");
    }

    private void write(LeaseRecord r) throws Exception {
        new LeaseFiles(tmp.resolve("leases")).write(r);
    }

    @Test
    void acquireWritesTheLeaseAndCloseRemovesIt() throws Exception {
        assertThat(leases.status("sim-5")).isInstanceOf(LeaseState.Free.class);
        try (Lease lease = leases.acquire(board, false, Duration.ZERO, "rig test")) {
            assertThat(lease.owner()).isEqualTo(System.getProperty("user.name") + "@" + LocalHost.name());
            assertThat(lease.handedOverByJenkins()).isFalse();
            assertThat(lease.reaped()).isEmpty();
            assertThat(lease.lost()).isFalse();
            LeaseRecord onDisk = LeaseRecord.fromJson(Files.readString(leaseFile()));
            assertThat(onDisk.board()).isEqualTo("sim-5");
            assertThat(onDisk.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(onDisk.host()).isEqualTo(LocalHost.name());
            assertThat(onDisk.command()).isEqualTo("rig test");
            assertThat(onDisk.token()).hasSize(32).isEqualTo(lease.record().orElseThrow().token());
            assertThat(leases.status("sim-5")).isEqualTo(new LeaseState.Held(onDisk));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(leaseFile()))).isEqualTo("rw-rw-rw-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("leases"))))
                    .isEqualTo("rwxrwxrwx");
        }
        assertThat(leaseFile()).doesNotExist();
        assertThat(leases.status("sim-5")).isInstanceOf(LeaseState.Free.class);
    }

    @Test
    void aSecondAcquireIsRefusedNamingTheHolder() {
        try (Lease first = leases.acquire(board, false, Duration.ZERO, "rig provision --board sim-5")) {
            assertThatThrownBy(() -> new Leases(home).acquire(board, false, Duration.ZERO, "rig update"))
                    .isInstanceOf(LeaseException.class)
                    .hasMessageContaining("board sim-5 is in use by " + first.owner())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid() + " on " + LocalHost.name())
                    .hasMessageContaining("since " + first.record().orElseThrow().acquired())
                    .hasMessageContaining("running 'rig provision --board sim-5'")
                    .hasMessageContaining(leaseFile().toString())
                    .satisfies(e -> assertThat(((LeaseException) e).holder()).isEqualTo(first.record()));
        }
    }

    @Test
    void aWaitingAcquireGetsTheBoardOnceItIsReleased() throws Exception {
        Lease first = leases.acquire(board, false, Duration.ZERO, "first");
        CompletableFuture<Lease> second = CompletableFuture.supplyAsync(
                () -> leases.acquire(board, false, Duration.ofSeconds(30), "second"));
        assertThat(second).isNotDone();
        first.close();
        try (Lease got = second.get(30, TimeUnit.SECONDS)) {
            assertThat(got.record().orElseThrow().command()).isEqualTo("second");
            assertThat(got.reaped()).isEmpty();
        }
    }

    @Test
    void aLeaseOfAProcessThatExitedIsReaped() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        write(someoneElse(gone.pid(), LocalHost.name(), Instant.now()));
        assertThat(leases.status("sim-5")).isInstanceOf(LeaseState.Stale.class);
        try (Lease lease = leases.acquire(board, false, Duration.ZERO, "rig test")) {
            LeaseState.Stale reaped = lease.reaped().orElseThrow();
            assertThat(reaped.lease().owner()).isEqualTo("alice@" + LocalHost.name());
            assertThat(reaped.reason()).isEqualTo("process " + gone.pid() + " on " + LocalHost.name() + " is gone");
            assertThat(reaped.describe()).startsWith("stale lease of alice@" + LocalHost.name() + " (pid " + gone.pid());
            assertThat(LeaseRecord.fromJson(Files.readString(leaseFile())).token()).isEqualTo(lease.record().orElseThrow().token());
        }
    }

    @Test
    void aLiveProcessWhoseHeartbeatStoppedIsReaped() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            write(someoneElse(sleeper.pid(), LocalHost.name(), Instant.now().minusSeconds(31)));
            try (Lease lease = leases.acquire(board, false, Duration.ZERO, "rig test")) {
                assertThat(lease.reaped().orElseThrow().reason()).startsWith("no heartbeat for 31 s (stale after 30 s)");
            }
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aLeaseFromAnotherHostIsJudgedByItsHeartbeatOnly() throws Exception {
        write(someoneElse(999_999_999L, "other-host", Instant.now()));
        assertThat(leases.status("sim-5")).isInstanceOf(LeaseState.Held.class);
        assertThatThrownBy(() -> leases.acquire(board, false, Duration.ZERO)).isInstanceOf(LeaseException.class)
                .hasMessageContaining("in use by alice@other-host (pid 999999999 on other-host)");
        write(someoneElse(999_999_999L, "other-host", Instant.now().minusSeconds(60)));
        assertThat(leases.status("sim-5")).isInstanceOf(LeaseState.Stale.class);
    }

    @Test
    void theHeartbeatRenewsTheLease() throws Exception {
        try (Lease lease = new Leases(home, FAST).acquire(board, false, Duration.ZERO, "rig test")) {
            Instant first = lease.record().orElseThrow().heartbeat();
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> LeaseRecord.fromJson(Files.readString(leaseFile())).heartbeat().isAfter(first));
            assertThat(lease.lost()).isFalse();
        }
    }

    @Test
    void aLeaseTakenWhileItsHeartbeatWasLateIsLost() throws Exception {
        LeaseTiming stalled = new LeaseTiming(Duration.ofHours(1), Duration.ofHours(2));
        Lease mine = new Leases(home, stalled).acquire(board, false, Duration.ZERO, "slow job");
        LeaseRecord late = mine.record().orElseThrow();
        // as if this process had stalled for a minute: its heartbeat on disk is old, so the next taker reaps it
        write(late.withHeartbeat(Instant.now().minusSeconds(60)));
        try (Lease theirs = leases.acquire(board, false, Duration.ZERO, "impatient job")) {
            assertThat(theirs.reaped().orElseThrow().lease().token()).isEqualTo(late.token());
            assertThat(mine.lost()).isTrue();
            mine.close();
            assertThat(LeaseRecord.fromJson(Files.readString(leaseFile())).command())
                    .as("closing a lost lease leaves the new holder's file").isEqualTo("impatient job");
        }
    }

    @Test
    void theHeartbeatNoticesTheLeaseWasTaken() throws Exception {
        try (Lease mine = new Leases(home, FAST).acquire(board, false, Duration.ZERO, "rig test")) {
            write(someoneElse(ProcessHandle.current().pid(), LocalHost.name(), Instant.now()));
            await().atMost(Duration.ofSeconds(10)).until(mine::lost);
            assertThat(LeaseRecord.fromJson(Files.readString(leaseFile())).token()).isEqualTo("feedface");
        }
    }

    @Test
    void jenkinsHandOverTakesNoFile() throws Exception {
        Leases jenkins = new Leases(TestHomes.under(tmp, Map.of("BUILD_TAG", "jenkins-nightly-42")));
        try (Lease lease = jenkins.acquire(board, true, Duration.ZERO)) {
            assertThat(lease.owner()).isEqualTo("jenkins lock (jenkins-nightly-42)");
            assertThat(lease.handedOverByJenkins()).isTrue();
            assertThat(lease.lost()).isFalse();
            assertThat(leaseFile()).doesNotExist();
        }
    }

    @Test
    void jenkinsHandOverIsRefusedWhileSomeoneOutsideJenkinsHoldsTheBoard() throws Exception {
        Leases jenkins = new Leases(TestHomes.under(tmp, Map.of("BUILD_TAG", "jenkins-nightly-42")));
        try (Lease outside = leases.acquire(board, false, Duration.ZERO, "rig console --board sim-5")) {
            assertThatThrownBy(() -> jenkins.acquire(board, true, Duration.ofSeconds(30)))
                    .isInstanceOf(LeaseException.class)
                    .hasMessageContaining("handed over by Jenkins (jenkins-nightly-42)")
                    .hasMessageContaining("a rig lease outside Jenkins holds it: " + outside.owner())
                    .hasMessageContaining("rig console --board sim-5");
        }
    }

    @Test
    void jenkinsHandOverReapsAStaleLease() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        write(someoneElse(gone.pid(), LocalHost.name(), Instant.now()));
        try (Lease lease = new Leases(TestHomes.under(tmp, Map.of("JENKINS_URL", "https://ci/"))).acquire(board, true, Duration.ZERO)) {
            assertThat(lease.owner()).isEqualTo("jenkins lock (https://ci/)");
            assertThat(lease.reaped()).isPresent();
            assertThat(leaseFile()).doesNotExist();
        }
    }

    @Test
    void aFileThatIsNotALeaseIsNamed() throws Exception {
        Files.createDirectories(tmp.resolve("leases"));
        Files.writeString(leaseFile(), "{\"board\":\"sim-5\"}");
        assertThatThrownBy(() -> leases.status("sim-5")).isInstanceOf(LeaseException.class)
                .hasMessageStartingWith(leaseFile() + ": not a lease file (pid: expected a number)");
        assertThatThrownBy(() -> leases.acquire(board, false, Duration.ZERO)).isInstanceOf(LeaseException.class)
                .hasMessageContaining("remove it if no job uses board sim-5");
    }

    @Test
    void anUnusableLeaseDirectoryIsAnInfrastructureFailure() throws Exception {
        Files.writeString(tmp.resolve("leases"), "a file, not a directory");
        assertThatThrownBy(() -> leases.acquire(board, false, Duration.ZERO)).isInstanceOf(LeaseException.class)
                .hasMessageContaining("cannot use the lease directory " + tmp.resolve("leases"))
                .hasMessageContaining("RIG_LEASE_DIR");
    }
}
