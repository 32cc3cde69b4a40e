package io.bootrig.rig.bench;

/**
 * One line of the benchmark table.
 *
 * @param ours  the rig's figure
 * @param peer  the peer's figure on the same setup in the same run (lrzsz sx, OpenOCD's load_image...), or ""
 * @param ratio ours / peer, or a reference figure (line rate, ceiling), or ""
 * @param limit what bounds the figure
 */
public record BenchRow(String section, String measure, String ours, String peer, String ratio, String limit) {}
