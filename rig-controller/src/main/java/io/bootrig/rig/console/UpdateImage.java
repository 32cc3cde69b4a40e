package io.bootrig.rig.console;

import java.util.Optional;

/**
 * The image in the UPDATE partition as {@code info} describes it. {@code role}: CANDIDATE when its state is UPDATING,
 * BACKUP otherwise, UNSPECIFIED for apps that print only "Update partition version". {@code rebootUpdates}: "'reboot'
 * to initiate update." (true) or "Update image older than current." (false), empty when not printed.
 */
public record UpdateImage(long version, Role role, Optional<PartitionState> state, Optional<Boolean> rebootUpdates) {
    public enum Role { CANDIDATE, BACKUP, UNSPECIFIED }
}
