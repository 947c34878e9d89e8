/**
 * Open Sound Control over UDP (JavaOSC): {@link org.earshot.io.sink.osc.OscSink} sends beats, tempo, onsets and any
 * other event to a show-control host (TouchDesigner, Resolume, VDMX, Max, Pure Data), optionally as bundles
 * time-tagged with the predicted beat time.
 */
package org.earshot.io.sink.osc;
