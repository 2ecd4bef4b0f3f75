import React from 'react';
import Script from 'next/script';

const CDN = 'http://cdn.example.com';

// expect: mixed-content
const loader = <script src={`${CDN}/widget.js`} async />;
// ok: mixed-content -- https
const secureLoader = <script src="https://cdn.example.com/widget.js" async />;

// expect: mixed-content
export const Analytics = () => <Script src="http://stats.example.com/a.js" strategy="lazyOnload" />;
// ok: mixed-content -- https
export const SecureAnalytics = () => <Script src="https://stats.example.com/a.js" />;

export function Widgets({ url }) {
  return (
    <div>
      {loader}
      {secureLoader}
      <iframe
        title="map"
        // expect: mixed-content
        src="http://maps.example.com/embed"
      />
      <iframe
        title="map"
        // ok: mixed-content -- a property of unknown value
        src={url}
      />
      <a
        // ok: mixed-content -- a link
        href="http://www.example.com/"
      >
        home
      </a>
      <img
        // ok: mixed-content -- an image
        src="http://images.example.com/a.png"
      />
    </div>
  );
}
