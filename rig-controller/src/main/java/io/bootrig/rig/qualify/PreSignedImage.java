package io.bootrig.rig.qualify;

import java.nio.file.Path;

/** An operator's signed update image and what wolfBoot must do with it. */
public record PreSignedImage(Path file, Expected expected) {}
