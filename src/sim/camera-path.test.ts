import { describe, expect, it } from 'vitest';
import { cameraName, contentBase, parseCameraPath } from './camera-path';

describe('camera paths', () => {
  it('reads camera, stream and track from URLs and paths', () => {
    expect(parseCameraPath('rtsp://u:p@127.0.0.1:8554/cam-007')).toEqual({
      camera: 7,
      stream: 'main',
      track: null,
    });
    expect(parseCameraPath('rtsp://127.0.0.1:8554/cam-007/sub/')).toEqual({
      camera: 7,
      stream: 'sub',
      track: null,
    });
    expect(parseCameraPath('rtsp://127.0.0.1:8554/cam-012/trackID=1')).toEqual({
      camera: 12,
      stream: 'main',
      track: 1,
    });
    expect(parseCameraPath('/cam-001/sub/trackID=0')).toEqual({
      camera: 1,
      stream: 'sub',
      track: 0,
    });
  });

  it('refuses other paths', () => {
    for (const url of [
      '*',
      'rtsp://h/',
      'rtsp://h/camera-1',
      'rtsp://h/cam-1/main',
      'rtsp://h/cam-1/trackID=0/x',
    ]) {
      expect(parseCameraPath(url)).toBeNull();
    }
  });

  it('names cameras with three digits and builds a Content-Base without credentials', () => {
    expect(cameraName(5)).toBe('cam-005');
    expect(
      contentBase('rtsp://demo:pw@127.0.0.1:9/cam-005?x=1', {
        camera: 5,
        stream: 'sub',
        track: null,
      }),
    ).toBe('rtsp://127.0.0.1:9/cam-005/sub/');
  });
});
