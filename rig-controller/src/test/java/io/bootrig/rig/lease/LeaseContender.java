package io.bootrig.rig.lease;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.inventory.Inventory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Run in a child JVM by {@link LeaseRaceTest}: prints "ready", waits for a line on stdin, tries once to lease the
 * board and prints "acquired" or "refused: ...", then holds what it got until the next line (or end of input).
 * Arguments: repository root, lease directory, board name.
 */
public final class LeaseContender {
    public static void main(String[] args) throws Exception {
        RigHome home = RigHome.of(Path.of(args[0]), Map.of("RIG_LEASE_DIR", args[1], "RIG_BOARDS_DIR", args[1] + "/none"));
        Leases leases = new Leases(home);
        var board = Inventory.load(home).resolve(args[2]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        in.readLine();
        Lease lease = null;
        try {
            lease = leases.acquire(board, false, Duration.ZERO, "lease contender " + ProcessHandle.current().pid());
            System.out.println("acquired");
        } catch (LeaseException e) {
            System.out.println("refused: " + e.getMessage());
        }
        System.out.flush();
        in.readLine();
        if (lease != null) {
            lease.close();
        }
    }
}
