package io.bootrig.wolfboot.config;

/** The .config variables the layout reads. */
public final class ConfigKeys {
    private ConfigKeys() {}

    public static final String TARGET = "TARGET";
    public static final String SIGN = "SIGN";
    public static final String HASH = "HASH";
    public static final String LMS_LEVELS = "LMS_LEVELS";
    public static final String LMS_HEIGHT = "LMS_HEIGHT";
    public static final String LMS_WINTERNITZ = "LMS_WINTERNITZ";
    public static final String IMAGE_SIGNATURE_SIZE = "IMAGE_SIGNATURE_SIZE";
    public static final String IMAGE_HEADER_SIZE = "IMAGE_HEADER_SIZE";
    public static final String PARTITION_SIZE = "WOLFBOOT_PARTITION_SIZE";
    public static final String SECTOR_SIZE = "WOLFBOOT_SECTOR_SIZE";
    public static final String BOOT_ADDRESS = "WOLFBOOT_PARTITION_BOOT_ADDRESS";
    public static final String UPDATE_ADDRESS = "WOLFBOOT_PARTITION_UPDATE_ADDRESS";
    public static final String SWAP_ADDRESS = "WOLFBOOT_PARTITION_SWAP_ADDRESS";
    public static final String KEYVAULT_ADDRESS = "WOLFBOOT_KEYVAULT_ADDRESS";
    public static final String KEYVAULT_SIZE = "WOLFBOOT_KEYVAULT_SIZE";
    public static final String NSC_ADDRESS = "WOLFBOOT_NSC_ADDRESS";
    public static final String NSC_SIZE = "WOLFBOOT_NSC_SIZE";
    public static final String ARCH_FLASH_OFFSET = "ARCH_FLASH_OFFSET";
    public static final String TZEN = "TZEN";
    public static final String DUALBANK_SWAP = "DUALBANK_SWAP";
    public static final String NVM_FLASH_WRITEONCE = "NVM_FLASH_WRITEONCE";
    public static final String ALLOW_DOWNGRADE = "ALLOW_DOWNGRADE";
    public static final String FLASH_OTP_KEYSTORE = "FLASH_OTP_KEYSTORE";
    public static final String FLAGS_HOME = "FLAGS_HOME";
}
