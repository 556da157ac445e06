import { VideoWall } from '../views/wall/VideoWall';

/** `/wall`: the video wall of whoever is signed in. */
export function WallPage() {
  return <VideoWall />;
}
