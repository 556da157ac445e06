// Leaflet plus the cluster plug-in. The plug-in extends the global `L` that Leaflet's UMD
// build sets on window, so Leaflet must be evaluated first: this module fixes that order.
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';

export default L;
