/**
 * Small allocation-free sample buffers shared by the nodes that produce audio (denoiser, separators):
 * a FIFO that turns hop-sized STFT output into block-sized output at a fixed latency, and the wet/dry mixer
 * that keeps bypass and dry/wet at that same latency.
 */
package org.earshot.detectors.audio;
