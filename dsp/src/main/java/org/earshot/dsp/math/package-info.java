/** Small numeric kernels shared by the filters, the STFT and the resampler. */
package org.earshot.dsp.math;
