import * as React from 'react';

// expect: mixed-content
export const Pay = () => <form action="http://pay.example.com/charge" method="post" />;
// ok: mixed-content -- https
export const SecurePay = () => <form action={"https://pay.example.com/charge"} method="post" />;
// expect: mixed-content
export const Styles = () => <link rel="stylesheet" href="http://cdn.example.com/checkout.css" />;
// ok: mixed-content -- not a stylesheet
export const Hint = () => <link rel="dns-prefetch" href="http://cdn.example.com" />;
