package org.earshot.io.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

import org.earshot.io.SourceException;

/** Lists the capture and playback devices Java Sound offers, and finds a capture device by name. */
public final class Devices {
    private Devices() {
    }

    /** @return every device that can capture, in Java Sound's order */
    public static List<DeviceInfo> captureDevices() {
        return list(DeviceKind.CAPTURE);
    }

    /** @return every device that can play, in Java Sound's order */
    public static List<DeviceInfo> playbackDevices() {
        return list(DeviceKind.PLAYBACK);
    }

    /** @return capture devices, then playback devices */
    public static List<DeviceInfo> all() {
        final List<DeviceInfo> devices = new ArrayList<>(captureDevices());
        devices.addAll(playbackDevices());
        return devices;
    }

    private static List<DeviceInfo> list(final DeviceKind kind) {
        final List<DeviceInfo> devices = new ArrayList<>();
        for (final Mixer.Info mixerInfo : AudioSystem.getMixerInfo()) {
            final Mixer mixer;
            try {
                mixer = AudioSystem.getMixer(mixerInfo);
            } catch (final RuntimeException ex) {
                continue;
            }
            final Line.Info[] lines =
                kind == DeviceKind.CAPTURE ? mixer.getTargetLineInfo() : mixer.getSourceLineInfo();
            final Class<?> lineClass = kind == DeviceKind.CAPTURE ? TargetDataLine.class : SourceDataLine.class;
            final TreeSet<Integer> channels = new TreeSet<>();
            final TreeSet<Integer> sizes = new TreeSet<>();
            final TreeSet<Integer> rates = new TreeSet<>();
            boolean anyRate = false;
            boolean found = false;
            for (final Line.Info line : lines) {
                if (!(line instanceof DataLine.Info) || !lineClass.isAssignableFrom(line.getLineClass())) {
                    continue;
                }
                found = true;
                for (final AudioFormat format : ((DataLine.Info)line).getFormats()) {
                    if (format.getChannels() > 0) {
                        channels.add(format.getChannels());
                    }
                    if (format.getSampleSizeInBits() > 0) {
                        sizes.add(format.getSampleSizeInBits());
                    }
                    if (format.getSampleRate() == AudioSystem.NOT_SPECIFIED) {
                        anyRate = true;
                    } else if (format.getSampleRate() > 0) {
                        rates.add(Math.round(format.getSampleRate()));
                    }
                }
            }
            if (found) {
                devices.add(new DeviceInfo(kind, mixerInfo.getName(), mixerInfo.getDescription(),
                    mixerInfo.getVendor(), new ArrayList<>(channels), new ArrayList<>(sizes),
                    anyRate ? List.of() : new ArrayList<>(rates), anyRate, devices.isEmpty()));
            }
        }
        return devices;
    }

    /**
     * Finds the capture device whose name contains {@code name}, ignoring case.
     *
     * @param name part of a device name; null, empty or "default" for Java Sound's default device
     * @return the mixer, or null for the default device
     * @throws NoCaptureDeviceException if Java Sound offers no capture device at all
     * @throws SourceException          if no device matches, listing the available devices in one line
     */
    static Mixer.Info findCaptureMixer(final String name) throws SourceException {
        final List<Mixer.Info> captureMixers = new java.util.ArrayList<>();
        for (final Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (isCapture(info)) {
                captureMixers.add(info);
            }
        }
        return chooseCaptureMixer(name, captureDevices(), captureMixers);
    }

    /**
     * Picks the capture mixer a name asks for (pure, so the no-device and unknown-device answers are
     * tested on any machine).
     *
     * @param name          device name from the command line, or null/"default"
     * @param devices       the capture devices, for the message
     * @param captureMixers mixers that can capture
     * @return the mixer, or null for the default device
     * @throws NoCaptureDeviceException if there is no capture device at all
     * @throws SourceException          if none matches the name (the message lists the devices)
     */
    static Mixer.Info chooseCaptureMixer(
        final String name, final List<DeviceInfo> devices, final List<Mixer.Info> captureMixers) throws SourceException {
        if (devices.isEmpty()) {
            throw new NoCaptureDeviceException("no audio capture device found (Java Sound lists none)");
        }
        if (isDefault(name)) {
            return null;
        }
        final String wanted = name.toLowerCase(Locale.ROOT);
        for (final Mixer.Info info : captureMixers) {
            if (info.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
                return info;
            }
        }
        throw new SourceException("capture device '" + name + "' not found; available capture devices: "
            + describe(devices));
    }

    /**
     * @param name a device name from the command line
     * @return true when it asks for the default device
     */
    static boolean isDefault(final String name) {
        return name == null || name.isBlank() || "default".equalsIgnoreCase(name.strip());
    }

    /**
     * @param devices devices
     * @return their names quoted and joined with ", " (or "none")
     */
    static String describe(final List<DeviceInfo> devices) {
        if (devices.isEmpty()) {
            return "none";
        }
        final StringBuilder names = new StringBuilder();
        for (final DeviceInfo device : devices) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append('\'').append(device.name()).append('\'');
        }
        return names.toString();
    }

    private static boolean isCapture(final Mixer.Info info) {
        try {
            for (final Line.Info line : AudioSystem.getMixer(info).getTargetLineInfo()) {
                if (line instanceof DataLine.Info && TargetDataLine.class.isAssignableFrom(line.getLineClass())) {
                    return true;
                }
            }
        } catch (final RuntimeException ex) {
            return false;
        }
        return false;
    }
}
