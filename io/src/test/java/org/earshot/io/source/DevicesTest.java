package org.earshot.io.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Device listing: plain records whatever the machine has, and the one-line description of them. */
class DevicesTest {
    @Test
    void shouldListPlainRecordsWhenAskedForAllDevices() {
        final List<DeviceInfo> all = Devices.all();

        assertEquals(Devices.captureDevices().size() + Devices.playbackDevices().size(), all.size());
        for (final DeviceInfo device : all) {
            assertNotNull(device.name());
            assertTrue(device.anySampleRate() || !device.sampleRatesHz().isEmpty() || device.channelCounts().isEmpty());
        }
    }

    @Test
    void shouldQuoteNamesWhenDescribingDevices() {
        final DeviceInfo a = new DeviceInfo(DeviceKind.CAPTURE, "USB Mic", "d", "v", List.of(1), List.of(16),
            List.of(44100, 48000), false, true);
        final DeviceInfo b = new DeviceInfo(DeviceKind.CAPTURE, "Line In", "d", "v", List.of(2), List.of(16),
            List.of(), true, false);

        assertEquals("'USB Mic', 'Line In'", Devices.describe(List.of(a, b)));
        assertEquals("none", Devices.describe(List.of()));
    }

    @Test
    void shouldTreatNullEmptyAndDefaultAsDefaultDeviceWhenMatchingNames() {
        assertTrue(Devices.isDefault(null));
        assertTrue(Devices.isDefault(" "));
        assertTrue(Devices.isDefault("Default"));
        assertTrue(!Devices.isDefault("usb"));
    }
}
